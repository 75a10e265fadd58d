using System.Text;
using Orchestrator.Execution;
using Xunit;

namespace Orchestrator.Tests.Execution;

[Trait("Category", "Unit")]
public sealed class LiveResultTailTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("orchestrator-tail-").FullName;

    private string FilePath => Path.Combine(_directory, "live.jsonl");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void Append(string text) => File.AppendAllText(FilePath, text, new UTF8Encoding(false));

    private static string Result(string name, string outcome) =>
        $$"""{"kind":"result","fullyQualifiedName":"{{name}}","displayName":"{{name}}","source":"/bin/My.Tests.dll","outcome":"{{outcome}}","durationMs":12.5,"errorMessage":null,"traits":[]}""";

    [Fact]
    public void A_file_that_does_not_exist_yet_gives_no_results()
    {
        var tail = new LiveResultTail(FilePath);

        Assert.Empty(tail.ReadAvailable());
        Assert.False(tail.RunStarted);
    }

    [Fact]
    public void Complete_lines_are_read_once_and_a_half_written_line_waits_for_its_newline()
    {
        var tail = new LiveResultTail(FilePath);
        Append("""{"kind":"runStarted","timestamp":"2026-01-01T00:00:00Z"}""" + "\n" + Result("A.One", "passed") + "\n");
        var second = Result("A.Two", "failed");
        Append(second[..20]);

        var first = tail.ReadAvailable();
        Append(second[20..] + "\n");
        var rest = tail.ReadAvailable();

        var one = Assert.Single(first);
        Assert.Equal(("A.One", TestResultOutcome.Passed, "My.Tests", TimeSpan.FromMilliseconds(12.5)), (one.FullyQualifiedName, one.Outcome, one.Assembly, one.Duration));
        Assert.Equal("A.Two", Assert.Single(rest).FullyQualifiedName);
        Assert.True(tail.RunStarted);
        Assert.Empty(tail.ReadAvailable());
    }

    [Fact]
    public void A_character_split_between_reads_is_decoded_whole()
    {
        var tail = new LiveResultTail(FilePath);
        var bytes = Encoding.UTF8.GetBytes(Result("A.Größe", "passed") + "\n");
        var split = Array.IndexOf(bytes, (byte)0xC3) + 1;
        File.WriteAllBytes(FilePath, bytes[..split]);

        Assert.Empty(tail.ReadAvailable());
        using (var stream = new FileStream(FilePath, FileMode.Append))
        {
            stream.Write(bytes, split, bytes.Length - split);
        }

        Assert.Equal("A.Größe", Assert.Single(tail.ReadAvailable()).FullyQualifiedName);
    }

    [Fact]
    public void Broken_and_unknown_lines_are_skipped_and_counted()
    {
        var tail = new LiveResultTail(FilePath);
        Append("not json\n" + """{"kind":"something"}""" + "\n" + Result("A.Skip", "skipped") + "\n" + """{"kind":"result"}""" + "\n");

        var results = tail.ReadAvailable();

        Assert.Equal(TestResultOutcome.Skipped, Assert.Single(results).Outcome);
        Assert.Equal(3, tail.SkippedLines);
    }

    [Fact]
    public void Run_complete_reports_an_aborted_run_with_its_error()
    {
        var tail = new LiveResultTail(FilePath);
        Append("""{"kind":"runComplete","timestamp":"2026-01-01T00:00:01Z","aborted":true,"elapsedMs":1000,"error":"Test host process crashed"}""" + "\r\n");

        tail.ReadAvailable();

        Assert.True(tail.RunCompleted);
        Assert.True(tail.Aborted);
        Assert.Equal("Test host process crashed", tail.Error);
    }
}
