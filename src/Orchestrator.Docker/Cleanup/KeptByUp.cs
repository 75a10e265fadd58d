namespace Orchestrator.Docker.Cleanup;

/// <summary>
/// Whether a container is one that <c>orchestrator up</c> keeps: labelled <see cref="ContainerLabels.KeptBy"/> with the
/// state file of that <c>up</c>. It is kept while that file exists on this host; a container made on another host
/// (a shared remote engine) is kept too, since its state file cannot be checked from here. Once the state file is
/// gone (the workspace was deleted, or the file by hand), nothing can <c>down</c> it, so sweeps and <c>clean</c> remove it.
/// </summary>
internal sealed record KeptByUp(string Host, Func<string, bool> StateFileExists)
{
    public static KeptByUp OnThisHost { get; } = new(OwnerProcess.Current.Host, File.Exists);

    /// <returns>The state file that keeps the container, or null when nothing keeps it.</returns>
    public string? KeptBy(IDictionary<string, string> labels)
    {
        if (!labels.TryGetValue(ContainerLabels.KeptBy, out var stateFile) || stateFile.Length == 0)
        {
            return null;
        }
        var host = labels.TryGetValue(ContainerLabels.OwnerHost, out var ownerHost) ? ownerHost : null;
        return host != Host || StateFileExists(stateFile) ? stateFile : null;
    }
}
