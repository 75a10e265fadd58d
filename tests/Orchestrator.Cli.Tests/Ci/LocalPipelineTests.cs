using CliWrap.Buffered;
using Orchestrator.Cli.Tests.Adoption;
using Orchestrator.Cli.Tests.Run;
using Xunit;

namespace Orchestrator.Cli.Tests.Ci;

/// <summary>
/// eng/ci/run-local.sh runs the pipeline of eng/ci on one machine: two shards, each in a working copy of its own, then
/// the merge, whose result equals one unsharded run test for test and which writes the timings file that the next
/// pipeline's shards plan by, as a CI cache hands it on.
/// </summary>
[Trait("Category", "E2E")]
public sealed class LocalPipelineTests
{
    [Fact]
    public async Task Two_local_shards_merge_into_the_unsharded_run_and_leave_the_combined_timings()
    {
        var whole = await UnshardedShopRun.GetAsync();
        using var workspace = RunWorkspace.Create(ShardedRunTests.Configuration(), "Shop.UnitTests");
        var output = Path.Combine(workspace.Root, "local");
        var timings = Path.Combine(workspace.Root, "ci-cache", "timings.json");
        Directory.CreateDirectory(Path.GetDirectoryName(timings)!);

        Task<BufferedCommandResult> PipelineAsync() => workspace.ProcessAsync(
            "bash",
            [Path.Combine(RepositoryPaths.Root(), "eng", "ci", "run-local.sh"), "--shards", "2", "--cadence", "commit", "--output", output, "--timings", timings],
            new Dictionary<string, string> { ["ORCHESTRATOR"] = $"dotnet {RepositoryPaths.Tool()}" });

        var first = await PipelineAsync();

        Assert.True(first.ExitCode == 0, first.StandardOutput + first.StandardError);
        Assert.Contains("shard 2/2: exit code 0", first.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(whole.Cases, ShardedRunTests.Cases(Path.Combine(output, "merged")));
        Assert.True(Directory.Exists(Path.Combine(output, "work", "shard-1", ".orchestrator")), "shard 1 kept no state in its own working copy");
        Assert.Contains("\"Shop.UnitTests\"", await File.ReadAllTextAsync(timings), StringComparison.Ordinal);
        Assert.DoesNotContain("--timings", await ShardCommandAsync(output), StringComparison.Ordinal);

        var second = await PipelineAsync();

        Assert.True(second.ExitCode == 0, second.StandardOutput + second.StandardError);
        Assert.Contains($"--timings {timings}", await ShardCommandAsync(output), StringComparison.Ordinal);
        Assert.Equal(whole.Cases, ShardedRunTests.Cases(Path.Combine(output, "merged")));
    }

    /// <summary>The command line of shard 1, which the script writes first into the shard's log.</summary>
    private static async Task<string> ShardCommandAsync(string output) =>
        (await File.ReadAllLinesAsync(Path.Combine(output, "shard-1.log")))[0];
}
