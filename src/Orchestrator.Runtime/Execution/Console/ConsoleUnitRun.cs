using Orchestrator.Planning;

namespace Orchestrator.Execution.Console;

/// <summary>
/// A unit as one run on a long-lived <c>vstest.console</c> lent by the run's <see cref="VsTestConsolePool"/>, given back
/// when the run ends. Killing it aborts the run and kills the unit's test host (it carries the unit's mark); a console
/// that does not end the run within the grace period is killed too, and the pool starts a fresh one for later units.
/// </summary>
internal sealed class ConsoleUnitRun : IRunningUnit
{
    private readonly VsTestConsole _console;
    private readonly VsTestConsolePool _pool;
    private readonly UnitProcessMark _mark;
    private readonly TimeSpan _killGrace;
    private readonly Task<ConsoleRunEnd> _run;
    private int _ended;

    public ConsoleUnitRun(VsTestConsole console, VsTestConsolePool pool, UnitProcessMark mark, ExecutionUnit unit, string runSettings, Action<string> line, TimeSpan killGrace)
    {
        _console = console;
        _pool = pool;
        _mark = mark;
        _killGrace = killGrace;
        _run = console.RunAsync(unit.Sources, unit.Filter, runSettings, line);
    }

    public int ProcessId => _console.ProcessId;

    public int? OwnProcessId => null;

    public bool ExitCodeCountsFailures => false;

    /// <remarks>Nothing once the run has ended: the console may already serve another unit.</remarks>
    public void Kill()
    {
        if (Volatile.Read(ref _ended) == 1)
        {
            return;
        }
        _console.Abort();
        _mark.KillCarriers();
        _console.KillAfter(_killGrace);
    }

    /// <summary>1 for an aborted run (as <c>vstest.console</c> exits then), else 0: failed tests are read from the TRX.</summary>
    public async Task<int?> EndAsync()
    {
        try
        {
            return (await _run.ConfigureAwait(false)).Aborted ? 1 : 0;
        }
        finally
        {
            Volatile.Write(ref _ended, 1);
            await _pool.ReturnAsync(_console).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        // The console is the pool's.
    }
}
