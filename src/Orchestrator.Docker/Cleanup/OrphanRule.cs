using System.Globalization;

namespace Orchestrator.Docker.Cleanup;

/// <summary>
/// Decides whether a labelled container is an orphan of a run that is gone:
/// <list type="bullet">
/// <item>made by this run: never;</item>
/// <item>kept by <c>up</c> (<see cref="KeptByUp"/>): not while its state file exists, nor while the <c>up</c> that made
/// it still runs (it writes the state file only once every container is ready); once both are gone, always;</item>
/// <item>made on this host: when no process with its owner pid runs, or one runs that started at
/// another time (the pid was reused);</item>
/// <item>made on another host (a shared remote engine), or with unreadable owner labels: only once
/// it is older than <see cref="ForeignHostAge"/>, since that owner cannot be checked from here.</item>
/// </list>
/// </summary>
internal sealed record OrphanRule(string RunId, string Host, TimeSpan ForeignHostAge, Func<int, DateTimeOffset?, bool> IsAlive, KeptByUp? Kept = null)
{
    /// <returns>Why the container is an orphan, or null when it is not.</returns>
    public string? Judge(IDictionary<string, string> labels, DateTimeOffset engineCreated, DateTimeOffset now)
    {
        if (labels.TryGetValue(ContainerLabels.RunId, out var runId) && runId == RunId)
        {
            return null;
        }
        if (labels.TryGetValue(ContainerLabels.KeptBy, out var stateFile) && stateFile.Length > 0)
        {
            return Kept is null || Kept.KeptBy(labels) is not null || OwnerAlive(labels) == true
                ? null
                : $"'orchestrator up' kept it, but its state file {stateFile} is gone";
        }
        if (OwnerAlive(labels) is { } alive)
        {
            return alive ? null : $"its owner process {labels[ContainerLabels.OwnerPid]} on {labels[ContainerLabels.OwnerHost]} is gone";
        }
        var host = labels.TryGetValue(ContainerLabels.OwnerHost, out var ownerHost) ? ownerHost : null;
        var created = labels.TryGetValue(ContainerLabels.Created, out var createdText)
            && DateTimeOffset.TryParse(createdText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var labelled) ? labelled : engineCreated;
        var age = now - created;
        return age > ForeignHostAge
            ? $"it was made on {host ?? "an unknown host"} {age.TotalHours:0.#} h ago (older than {ForeignHostAge.TotalHours:0.#} h)"
            : null;
    }

    /// <returns>Whether the owner process runs, or null when it cannot be checked from here (another host, unreadable labels).</returns>
    private bool? OwnerAlive(IDictionary<string, string> labels)
    {
        if (!labels.TryGetValue(ContainerLabels.OwnerHost, out var host) || host != Host
            || !labels.TryGetValue(ContainerLabels.OwnerPid, out var pidText)
            || !int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }
        DateTimeOffset? started = labels.TryGetValue(ContainerLabels.OwnerStarted, out var startedText)
            && DateTimeOffset.TryParse(startedText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? parsed : null;
        return IsAlive(pid, started);
    }
}
