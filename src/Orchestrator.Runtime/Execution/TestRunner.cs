using Orchestrator.Execution.Console;
using Orchestrator.Planning;
using Orchestrator.Resources;
using Orchestrator.Results;
using Orchestrator.TestingPlatform;

namespace Orchestrator.Execution;

/// <summary>
/// Executes a plan on the system clock: VSTest units as <c>dotnet test</c> processes of their own, or as runs on long-lived
/// <c>vstest.console</c>s (<see cref="RunOptions.SharedVsTestConsole"/>), Microsoft.Testing.Platform units as the test
/// application itself.
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
        await using var consoles = options.SharedVsTestConsole ? new VsTestConsolePool(options, sweeper) : null;
        var scheduler = new UnitScheduler(
            new UnitRunnerByPlatform(new UnitProcess(options, progress, instrumented, sweeper, consoles), new TestingPlatformUnitRunner(options, progress, instrumented, sweeper)),
            progress,
            TimeProvider.System);
        var record = await scheduler.RunAsync(plan, options, resources, ct).ConfigureAwait(false);
        if (consoles is not null)
        {
            await consoles.DisposeAsync().ConfigureAwait(false);
        }
        return record with { Problems = [.. record.Problems, .. sweeper.Problems] };
    }
}
