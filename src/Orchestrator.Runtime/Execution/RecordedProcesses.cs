using System.Diagnostics;
using System.Globalization;
using Orchestrator.Docker.Cleanup;

namespace Orchestrator.Execution;

/// <summary>
/// Processes recorded in files as pid and start time (pids are reused): the <c>dotnet test</c> process of
/// each unit, beside its output, and the run that owns a work directory. Nothing ties <c>dotnet test</c> to
/// the process that started it: when a run is killed outright, the next run reads these records and kills
/// the trees that are still alive.
/// </summary>
internal static class RecordedProcesses
{
    public const string FileName = "process";

    /// <summary>Records the unit process <paramref name="processId"/> in <paramref name="directory"/>; nothing when it is already gone.</summary>
    public static void Record(string directory, int processId)
    {
        ArgumentNullException.ThrowIfNull(directory);
        try
        {
            using var process = Process.GetProcessById(processId);
            Write(Path.Combine(directory, FileName), processId, new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero));
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            // Already gone: nothing left to kill later.
        }
    }

    public static void Write(string file, int processId, DateTimeOffset startedAt)
    {
        ArgumentNullException.ThrowIfNull(file);
        File.WriteAllText(
            file,
            $"{processId.ToString(CultureInfo.InvariantCulture)} {startedAt.ToString("O", CultureInfo.InvariantCulture)}\n");
    }

    /// <summary>The process a file records, when the file exists, reads and names a process that is still the one recorded.</summary>
    public static int? AliveProcessOf(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!File.Exists(file))
        {
            return null;
        }
        var fields = File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return fields.Length == 2
            && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && DateTimeOffset.TryParse(fields[1], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var startedAt)
            && OwnerProcess.IsAlive(pid, startedAt)
                ? pid
                : null;
    }

    /// <summary>Kills every recorded unit process tree under <paramref name="root"/> that is still the process that was recorded.</summary>
    /// <returns>How many trees were killed.</returns>
    public static int KillAll(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var killed = 0;
        foreach (var file in Directory.EnumerateFiles(root, FileName, SearchOption.AllDirectories))
        {
            if (AliveProcessOf(file) is { } pid)
            {
                ProcessTree.Kill(pid);
                killed++;
            }
        }
        return killed;
    }
}
