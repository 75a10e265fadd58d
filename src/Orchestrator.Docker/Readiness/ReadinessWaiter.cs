using System.Diagnostics;
using Orchestrator.Configuration;

namespace Orchestrator.Docker.Readiness;

/// <summary>
/// Polls a probe until it succeeds: each attempt bounded by the attempt timeout, all of them by the
/// deadline, and the container's exit ends the wait at once.
/// </summary>
internal static class ReadinessWaiter
{
    /// <returns>The number of attempts made.</returns>
    /// <exception cref="ContainerExitedException">The container exited before it was ready.</exception>
    /// <exception cref="ReadinessTimeoutException">The deadline passed.</exception>
    public static async Task<int> WaitAsync(IReadinessProbe probe, ReadinessProbe settings, TimeSpan deadline, Task<long?>? exited, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        using var overall = CancellationTokenSource.CreateLinkedTokenSource(ct);
        overall.CancelAfter(deadline);
        var attempts = 0;
        string? lastError = null;
        while (true)
        {
            ThrowIfExited(exited);
            attempts++;
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(overall.Token))
            {
                attempt.CancelAfter(settings.AttemptTimeout);
                try
                {
                    var outcome = await probe.TryAsync(attempt.Token);
                    if (outcome.Ready)
                    {
                        return attempts;
                    }
                    lastError = outcome.Error;
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    lastError = overall.IsCancellationRequested
                        ? lastError ?? "no attempt finished"
                        : $"the attempt took longer than {settings.AttemptTimeout.TotalSeconds:0.###} s";
                }
            }
            ThrowIfExited(exited);
            if (exited is { IsCompleted: true })
            {
                // Watching for the exit stopped without an exit code: keep polling without it.
                exited = null;
            }
            if (overall.IsCancellationRequested || clock.Elapsed >= deadline)
            {
                ct.ThrowIfCancellationRequested();
                throw new ReadinessTimeoutException(deadline, attempts, lastError);
            }
            // The container's exit cuts the pause short.
            var pause = Task.Delay(ReadinessBackoff.Pause(settings.Interval, attempts), overall.Token);
            await Task.WhenAny(exited is null ? [pause] : [pause, exited]);
        }
    }

    private static void ThrowIfExited(Task<long?>? exited)
    {
        if (exited is { IsCompletedSuccessfully: true, Result: long exitCode })
        {
            throw new ContainerExitedException(exitCode);
        }
    }
}
