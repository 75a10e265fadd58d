using System.Diagnostics;
using System.Globalization;

namespace Orchestrator.Docker.Cleanup;

/// <summary>Identifies the process that owns containers and run directories: host, pid and start time (pids are reused).</summary>
/// <param name="Host">
/// Where the pid means something: the machine name and, on Linux, the PID namespace (<c>vm/pid:[4026531836]</c>).
/// Two CI jobs in containers with <c>--network host</c> share a hostname and an engine but not their pids, so a pid
/// is checked only from the namespace it belongs to.
/// </param>
public sealed record OwnerProcess(string Host, int Pid, DateTimeOffset StartedAt)
{
    // Start times read back from the system are rounded differently on different platforms.
    private static readonly TimeSpan _startTimeTolerance = TimeSpan.FromSeconds(2);

    public static OwnerProcess Current { get; } = ReadCurrent();

    public string StartedAtLabel => StartedAt.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>True when a process with this pid runs on this host and started when the owner did.</summary>
    public static bool IsAlive(int pid, DateTimeOffset? startedAt)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited)
            {
                return false;
            }
            return startedAt is null || (process.StartTime.ToUniversalTime() - startedAt.Value.UtcDateTime).Duration() <= _startTimeTolerance;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static OwnerProcess ReadCurrent()
    {
        using var process = Process.GetCurrentProcess();
        return new OwnerProcess(HostIdentity(), process.Id, new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero));
    }

    private static string HostIdentity()
    {
        var host = Environment.MachineName;
        try
        {
            return new FileInfo("/proc/self/ns/pid").LinkTarget is { Length: > 0 } pidNamespace ? $"{host}/{pidNamespace}" : host;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return host;
        }
    }
}
