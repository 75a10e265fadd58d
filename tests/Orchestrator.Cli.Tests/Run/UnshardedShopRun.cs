namespace Orchestrator.Cli.Tests.Run;

/// <summary>
/// One unsharded commit run of the built Shop.UnitTests (with <see cref="ShardedRunTests.Configuration"/>), made once
/// per test process and shared by the tests that compare sharded runs and their merge with it: its unit layer's cases
/// and the timings file it left. Its workspace is removed as soon as both are read.
/// </summary>
internal sealed record UnshardedShopRun(IReadOnlyList<(string Name, string Outcome)> Cases, string Timings)
{
    private static readonly Lazy<Task<UnshardedShopRun>> _run = new(RunAsync);

    public static Task<UnshardedShopRun> GetAsync() => _run.Value;

    private static async Task<UnshardedShopRun> RunAsync()
    {
        using var workspace = RunWorkspace.Create(ShardedRunTests.Configuration(), "Shop.UnitTests");
        var results = Path.Combine(workspace.Root, "results");
        var run = await workspace.RunAsync("commit", results);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"The unsharded run of Shop.UnitTests failed (exit code {run.ExitCode}):\n{run.StandardOutput}\n{run.StandardError}");
        }
        return new UnshardedShopRun(
            ShardedRunTests.Cases(results),
            await File.ReadAllTextAsync(Path.Combine(workspace.Root, ".orchestrator", "timings.json")));
    }
}
