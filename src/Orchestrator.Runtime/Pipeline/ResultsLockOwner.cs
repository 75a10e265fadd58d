using System.Globalization;
using Orchestrator.Docker.Cleanup;

namespace Orchestrator.Pipeline;

/// <summary>
/// Who holds a results directory, as its lock file records it: the run (or merge) id and the process as container labels
/// record it, host, pid and process start time (pids are reused).
/// </summary>
internal sealed record ResultsLockOwner(string RunId, string Host, int Pid, DateTimeOffset StartedAt)
{
    private const string RunIdKey = "run-id";
    private const string PidKey = "pid";
    private const string HostKey = "host";
    private const string StartedKey = "started";

    public static ResultsLockOwner Current(string runId) =>
        new(runId, OwnerProcess.Current.Host, OwnerProcess.Current.Pid, OwnerProcess.Current.StartedAt);

    /// <summary>On this host a dead pid frees the directory; a process elsewhere cannot be checked and counts as alive.</summary>
    public bool IsAlive => !IsOnThisHost || OwnerProcess.IsAlive(Pid, StartedAt);

    public bool IsOnThisHost => string.Equals(Host, OwnerProcess.Current.Host, StringComparison.Ordinal);

    public string Describe() =>
        $"run {RunId} (pid {Pid.ToString(CultureInfo.InvariantCulture)} on {Host}, started {StartedAt.ToString("u", CultureInfo.InvariantCulture)})";

    public string ToText() =>
        $"{RunIdKey}={RunId}\n{PidKey}={Pid.ToString(CultureInfo.InvariantCulture)}\n{HostKey}={Host}\n{StartedKey}={StartedAt.ToString("O", CultureInfo.InvariantCulture)}\n";

    /// <summary>The owner a lock file's text names; null while the text is incomplete (being written, or its writer died).</summary>
    public static ResultsLockOwner? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First()[1], StringComparer.Ordinal);
        return fields.TryGetValue(RunIdKey, out var runId)
            && fields.TryGetValue(HostKey, out var host)
            && fields.TryGetValue(PidKey, out var pidText) && int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && fields.TryGetValue(StartedKey, out var startedText)
            && DateTimeOffset.TryParse(startedText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var startedAt)
                ? new ResultsLockOwner(runId, host, pid, startedAt)
                : null;
    }
}
