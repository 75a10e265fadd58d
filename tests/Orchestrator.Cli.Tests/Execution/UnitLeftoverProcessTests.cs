using System.Globalization;
using Orchestrator.Execution;
using Orchestrator.Results;
using Xunit;

namespace Orchestrator.Cli.Tests.Execution;

/// <summary>Processes a real unit's tests start and leave running — a plain child, and one in a session of its own reparented to init — end with the unit.</summary>
[Trait("Category", "Integration")]
public sealed class UnitLeftoverProcessTests(FixtureProject fixture) : IClassFixture<FixtureProject>, IDisposable
{
    private readonly FixtureProject _fixture = fixture;
    private readonly UnitRunDirectory _run = new();

    public void Dispose() => _run.Dispose();

    [Theory]
    [InlineData("Passes_one", UnitExit.Passed)]
    [InlineData("Fails", UnitExit.TestsFailed)]
    public async Task Processes_the_tests_left_running_are_killed_when_the_unit_ends(string other, UnitExit exit)
    {
        var pids = _run.Marker("leftover-pids");
        var plan = FixtureProject.Plan(_fixture.Unit("integration-none#1", "Leaves_processes_running", other));

        var record = await TestRunner.RunAsync(plan, _run.Options(("FIXTURE_LEFTOVER_PIDS", pids)), null, new RecordingProgress(), CancellationToken.None);

        var run = Assert.Single(record.Units);
        Assert.Equal(exit, run.Exit);
        var leftovers = (await File.ReadAllLinesAsync(pids)).Select(line => int.Parse(line, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, leftovers.Count);
        Assert.True(
            await FixtureProject.EventuallyAsync(() => !leftovers.Any(FixtureProject.IsAlive), TimeSpan.FromSeconds(5)),
            "processes the unit's tests started outlived it: " + string.Join(", ", leftovers.Where(FixtureProject.IsAlive)));
        var log = await File.ReadAllTextAsync(UnitPaths.For(_run.Path, run.UnitId, 0, 0).LogPath);
        Assert.All(leftovers, pid => Assert.Contains($"pid {pid} (sleep 600)", log, StringComparison.Ordinal));
        Assert.Empty(record.Problems);
    }
}
