namespace Orchestrator.Execution;

/// <summary>
/// Kills a unit whose running test passes the hang limit, and remembers that test. Checked on every tick of the
/// unit's tail loop; without a progress reader (no collector) it never fires.
/// </summary>
internal sealed class HangWatchdog(TestProgress? progress, TimeSpan limit, CancellationTokenSource kill, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public RunningTest? HungTest { get; private set; }

    public void Check()
    {
        if (progress is null || HungTest is not null)
        {
            return;
        }
        if (progress.Poll() is { } longest && _time.GetUtcNow() - longest.Since > limit)
        {
            HungTest = longest;
            kill.Cancel();
        }
    }
}
