using Orchestrator.Planning;
using Orchestrator.Resources;
using Orchestrator.Results;
using Orchestrator.TestingPlatform;

namespace Orchestrator.Execution;

/// <summary>
/// Executes a plan with every unit as its own process — <c>dotnet test</c> for VSTest units, the test application itself
/// for Microsoft.Testing.Platform units — on the system clock.
/// </summary>
internal static class TestRunner
{
    /// <inheritdoc cref="UnitScheduler.RunAsync" path="/param"/>
    /// <param name="progress">Receives events as they happen.</param>
    /// <returns>The run's record, with a warning for each unit whose processes survived its end.</returns>
    public static async Task<RunRecord> RunAsync(TestPlan plan, RunOptions options, IResourceProvider? resources, IRunProgress progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.ResultsDirectory);
        var instrumented = new InstrumentedOutputs();
        var sweeper = new UnitProcessSweeper(ProcProcessTable.Instance, UnitProcessMark.DeathDeadline);
        var scheduler = new UnitScheduler(
            new UnitRunnerByPlatform(new UnitProcess(options, progress, instrumented, sweeper), new TestingPlatformUnitRunner(options, progress, instrumented, sweeper)),
            progress,
            TimeProvider.System);
        var record = await scheduler.RunAsync(plan, options, resources, ct).ConfigureAwait(false);
        return record with { Problems = [.. record.Problems, .. sweeper.Problems] };
    }
}
