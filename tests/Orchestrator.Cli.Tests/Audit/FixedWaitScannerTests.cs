using Orchestrator.Audit;
using Xunit;

namespace Orchestrator.Cli.Tests.Audit;

[Trait("Category", "Unit")]
public sealed class FixedWaitScannerTests
{
    private const string Source = """
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class OrderTests
        {
            public void Waits_for_the_consumer()
            {
                Thread.Sleep(500);
            }

            public async Task Waits_for_the_cache()
            {
                await System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(2));
            }

            public async Task Polls_with_a_deadline(CancellationToken ct)
            {
                var deadline = DateTime.UtcNow.AddSeconds(30);
                while (DateTime.UtcNow < deadline && !Done())
                {
                    await Task.Delay(50, ct);
                }
            }

            public async Task Gives_up_after_a_timeout(Task work)
            {
                await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(30)));
            }

            public void Sleeps_in_a_lambda_of_a_loop()
            {
                foreach (var attempt in new[] { 1, 2 })
                {
                    Action wait = () => Thread.Sleep(10);
                }
            }

            private static bool Done() => true;
        }
        """;

    [Fact]
    public void Sleep_and_delay_calls_are_found_by_line_but_not_a_polling_interval_or_a_timeout()
    {
        var waits = FixedWaitScanner.Find("tests/OrderTests.cs", Source, CancellationToken.None).ToList();

        Assert.Equal(
            [
                new SourceWait("tests/OrderTests.cs", LineOf("Thread.Sleep(500)"), "Thread.Sleep"),
                new SourceWait("tests/OrderTests.cs", LineOf("Task.Delay(TimeSpan.FromSeconds(2))"), "Task.Delay"),
                new SourceWait("tests/OrderTests.cs", LineOf("Thread.Sleep(10)"), "Thread.Sleep"),
            ],
            waits);
    }

    [Fact]
    public void Names_that_only_look_like_waits_are_not_found()
    {
        const string source = """
            public sealed class Clock
            {
                public void Sleep() { }
                public void Uses(Clock thread) { thread.Sleep(); Delay(); }
                private static void Delay() { }
                // Thread.Sleep(100) in a comment
                private const string Text = "Task.Delay(5)";
            }
            """;

        Assert.Empty(FixedWaitScanner.Find("Clock.cs", source, CancellationToken.None));
    }

    private static int LineOf(string fragment) => Array.FindIndex(Source.Split('\n'), line => line.Contains(fragment, StringComparison.Ordinal)) + 1;
}
