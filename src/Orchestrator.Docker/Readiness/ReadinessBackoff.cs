namespace Orchestrator.Docker.Readiness;

/// <summary>
/// The pause before the next readiness attempt: the configured interval at first, doubling after each
/// failed attempt up to a quarter of a second. A service that is quick to start is seen at once; one that
/// boots slowly on a busy machine is probed four times a second, not twenty, and is still seen within a
/// quarter of a second of answering (a broker's readiness is often on a run's critical path).
/// </summary>
internal static class ReadinessBackoff
{
    private static readonly TimeSpan _ceiling = TimeSpan.FromMilliseconds(250);

    /// <param name="interval">The configured interval; a longer one than the ceiling is kept as it is.</param>
    /// <param name="failedAttempts">Attempts made so far, at least one.</param>
    public static TimeSpan Pause(TimeSpan interval, int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var ceiling = interval > _ceiling ? interval : _ceiling;
        var doublings = Math.Min(failedAttempts - 1, 30);
        var pause = interval * Math.Pow(2, doublings);
        return pause > ceiling ? ceiling : pause;
    }
}
