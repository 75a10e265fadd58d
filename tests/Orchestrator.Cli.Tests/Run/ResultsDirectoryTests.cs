using Orchestrator.Pipeline;
using Xunit;

namespace Orchestrator.Cli.Tests.Run;

[Trait("Category", "Unit")]
public sealed class ResultsDirectoryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("orchestrator-results-dir-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_run_killed_before_it_wrote_run_json_leaves_a_directory_the_next_run_replaces()
    {
        var results = Path.Combine(_root, "test-results");
        ResultsDirectory.Prepare(results, "run-1").Dispose();
        // What a killed run leaves: unit folders, no run.json.
        Directory.CreateDirectory(Path.Combine(results, "unit-none#1.r0.a0"));
        File.WriteAllText(Path.Combine(results, "unit-none#1.r0.a0", "live.jsonl"), "{}\n");

        using (ResultsDirectory.Prepare(results, "run-2"))
        {
            Assert.Equal(
                [ResultsDirectory.MarkerFileName, ResultsLock.FileName],
                Directory.EnumerateFileSystemEntries(results).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }

        Assert.Equal([ResultsDirectory.MarkerFileName], Directory.EnumerateFileSystemEntries(results).Select(Path.GetFileName));
    }

    [Fact]
    public void A_directory_a_live_run_holds_is_refused_and_left_as_it_is()
    {
        var results = Path.Combine(_root, "test-results");
        using var live = ResultsDirectory.Prepare(results, "run-live");
        File.WriteAllText(Path.Combine(results, "summary.md"), "❌ failed (exit code 1)");

        var error = Assert.Throws<UsageException>(() => ResultsDirectory.Prepare(results, "run-second"));

        Assert.Contains("run-live", error.Message, StringComparison.Ordinal);
        Assert.Contains("--results", error.Message, StringComparison.Ordinal);
        Assert.Equal("❌ failed (exit code 1)", File.ReadAllText(Path.Combine(results, "summary.md")));
    }

    [Fact]
    public void A_directory_that_is_not_a_run_s_is_never_emptied()
    {
        var foreign = Path.Combine(_root, "docs");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "notes.md"), "keep me");

        var error = Assert.Throws<UsageException>(() => ResultsDirectory.Prepare(foreign, "run-1"));

        Assert.Contains(foreign, error.Message, StringComparison.Ordinal);
        Assert.Contains("--results", error.Message, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(foreign, "notes.md")));
    }
}
