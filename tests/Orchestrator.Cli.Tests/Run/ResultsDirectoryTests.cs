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
        ResultsDirectory.Prepare(results);
        // What a killed run leaves: unit folders, no run.json.
        Directory.CreateDirectory(Path.Combine(results, "unit-none#1.r0.a0"));
        File.WriteAllText(Path.Combine(results, "unit-none#1.r0.a0", "live.jsonl"), "{}\n");

        ResultsDirectory.Prepare(results);

        Assert.Equal([ResultsDirectory.MarkerFileName], Directory.EnumerateFileSystemEntries(results).Select(Path.GetFileName));
    }

    [Fact]
    public void A_directory_that_is_not_a_run_s_is_never_emptied()
    {
        var foreign = Path.Combine(_root, "docs");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "notes.md"), "keep me");

        var error = Assert.Throws<UsageException>(() => ResultsDirectory.Prepare(foreign));

        Assert.Contains(foreign, error.Message, StringComparison.Ordinal);
        Assert.Contains("--results", error.Message, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(foreign, "notes.md")));
    }
}
