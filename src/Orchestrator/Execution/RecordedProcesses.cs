using System.Diagnostics;
using System.Globalization;

namespace Orchestrator.Execution;

/// <summary>
/// The <c>dotnet test</c> processes of a run, recorded beside their output (pid and start time, since pids
/// are reused). Nothing ties <c>dotnet test</c> to the process that started it: when a run is killed
/// outright, the next run reads these records and kills the trees that are still alive.
/// </summary>
public static class RecordedProcesses
{
    public const string FileName = "process";

    public static void Record(string directory, int processId)
    {
        ArgumentNullException.ThrowIfNull(directory);
        try
        {
            using var process = Process.GetProcessById(processId);
            var startedAt = new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
            File.WriteAllText(
                Path.Combine(directory, FileName),
                $"{processId.ToString(CultureInfo.InvariantCulture)} {startedAt.ToString("O", CultureInfo.InvariantCulture)}\n");
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            // Already gone: nothing left to kill later.
        }
    }

    /// <summary>Kills every recorded process tree under <paramref name="root"/> that is still the process that was recorded.</summary>
    /// <returns>How many trees were killed.</returns>
    public static int KillAll(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var killed = 0;
        foreach (var file in Directory.EnumerateFiles(root, FileName, SearchOption.AllDirectories))
        {
            var fields = File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (fields.Length == 2
                && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && DateTimeOffset.TryParse(fields[1], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var startedAt)
                && OwnerProcess.IsAlive(pid, startedAt))
            {
                ProcessTree.Kill(pid);
                killed++;
            }
        }
        return killed;
    }
}
