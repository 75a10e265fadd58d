using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Orchestrator.Cli.Run;
using Orchestrator.Execution;
using Orchestrator.Model;
using Orchestrator.Planning;
using Orchestrator.Resources;
using Orchestrator.Security;
using Spectre.Console;
using Xunit;

namespace Orchestrator.Cli.Tests.Execution;

[Trait("Category", "Unit")]
public sealed partial class RunProgressRendererTests
{
    private const string Secret = "pa55-w0rd-of-the-run";

    private static readonly ExecutionUnit Unit = new(
        "integration-postgres#1", "integration-postgres", "integration", ResourceSet.Of("postgres"),
        [new TestKey("A", "A.One"), new TestKey("A", "A.Two"), new TestKey("A", "A.Three")],
        ["/bin/A.dll"], "Category=Integration", TimeSpan.FromSeconds(3));

    private static readonly TestPlan Plan = new(
        "pr",
        [new Partition("integration-postgres", "integration", ResourceSet.Of("postgres"), [Unit])],
        [],
        new PlanPrediction(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 2));

    private static readonly UnitStart Started = new(Unit.Id, Unit.PartitionId, 0, 0, 3, 4242, DateTimeOffset.UtcNow);

    private static SecretRedactor Redactor()
    {
        var redactor = new SecretRedactor();
        redactor.Register(Secret);
        return redactor;
    }

    private static LiveTestResult Failed(string name) =>
        new(name, name, "/bin/A.dll", TestResultOutcome.Failed, TimeSpan.FromMilliseconds(5), $"could not connect with password {Secret}\n   at Somewhere()");

    [Fact]
    public async Task Plain_progress_prints_timestamped_lines_with_secrets_masked()
    {
        var output = new StringWriter();
        await using (var progress = new PlainRunProgress(output, Redactor(), heartbeat: TimeSpan.FromHours(1)))
        {
            progress.RunStarted(Plan, new RunOptions("run-1", "/results"));
            progress.UnitStarted(Started);
            progress.TestFinished(Started, Failed("A.Two"));
            progress.ResourceFailed("redis", "redis", $"auth failed for {Secret}");
        }

        var lines = output.ToString()!.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.All(lines, line => Assert.Matches(Timestamp(), line));
        Assert.DoesNotContain(Secret, output.ToString(), StringComparison.Ordinal);
        Assert.Contains("FAILED A.Two [integration-postgres#1]: could not connect with password ***", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_progress_prints_a_heartbeat_with_counts_when_nothing_else_was_printed()
    {
        var written = new StringWriter();
        // The heartbeat writes from a timer thread: the synchronized writer locks on itself, and so does the reader below.
        var output = TextWriter.Synchronized(written);
        string Text()
        {
            lock (output)
            {
                return written.ToString();
            }
        }
        await using var progress = new PlainRunProgress(output, Redactor(), heartbeat: TimeSpan.FromMilliseconds(300));
        progress.RunStarted(Plan, new RunOptions("run-1", "/results"));
        progress.UnitStarted(Started);
        progress.TestFinished(Started, Failed("A.Two"));

        var heartbeat = await FixtureProject.EventuallyAsync(() => Text().Contains("1/3 tests done, 1 failed, 1 unit(s) running", StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        Assert.True(heartbeat, Text());
    }

    [Fact]
    public async Task Live_frame_shows_partitions_containers_and_failures_with_secrets_masked()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(new StringWriter()),
        });
        await using var progress = new LiveRunProgress(console, Redactor());
        progress.RunStarted(Plan, new RunOptions("run-1", "/results") { Repeat = 2 });
        progress.TestFinished(Started, Failed($"A.Two({Secret})"));
        progress.ResourceReady(new ResourceInstance(
            new Configuration.ResourceDefinition { Name = "postgres" }, "postgres", "c1", "127.0.0.1",
            ImmutableDictionary<int, int>.Empty, Secret, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(1.5)));
        var frame = new StringWriter();
        var frameConsole = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(frame) });

        frameConsole.Write(progress.Render());

        var text = frame.ToString();
        Assert.Contains("integration-postgres", text, StringComparison.Ordinal);
        Assert.Contains("1/6", text, StringComparison.Ordinal);
        Assert.Contains("ready in 1.5 s", text, StringComparison.Ordinal);
        Assert.Contains("FAILED A.Two(***)", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, "true")]
    public void Redirected_output_or_CI_gets_the_plain_renderer(bool redirected, string? ci) =>
        Assert.False(RunProgressRenderers.IsInteractive(redirected, ci));

    [GeneratedRegex(@"^\d\d:\d\d:\d\d ")]
    private static partial Regex Timestamp();
}
