using System.Text.Json;

namespace Orchestrator.Pipeline.Up;

/// <summary>Where <c>up</c> keeps its state and writes what tests need, all under the workspace's <c>.orchestrator/</c>.</summary>
public sealed record UpFiles(string StateFile, string EnvFile, string RunSettingsFile, string NamespaceCounters)
{
    public static UpFiles Of(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return new(
            Path.Combine(workspace.StateDirectory, "up.json"),
            Path.Combine(workspace.StateDirectory, "env"),
            Path.Combine(workspace.StateDirectory, "orchestrator.runsettings"),
            Path.Combine(workspace.StateDirectory, "up-namespaces"));
    }

    /// <summary>The state <c>up</c> recorded; null when nothing is up.</summary>
    /// <exception cref="UsageException">The file is there but not readable as a state file.</exception>
    internal UpState? Load()
    {
        if (!File.Exists(StateFile))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(StateFile), UpJsonContext.Default.UpState)
                ?? throw new JsonException("the file holds null");
        }
        catch (JsonException invalid)
        {
            throw new UsageException(
                $"{StateFile} is not a state file 'orchestrator up' wrote ({invalid.Message}): run 'orchestrator down', which removes the containers it kept by their label, then 'orchestrator up' again.");
        }
    }

    internal void Save(UpState state)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StateFile)!);
        File.WriteAllText(StateFile, JsonSerializer.Serialize(state, UpJsonContext.Default.UpState));
    }

    /// <summary>Deletes the state, the written files and the namespace counters; returns the paths deleted.</summary>
    internal IReadOnlyList<string> Delete()
    {
        var deleted = new List<string>();
        foreach (var file in new[] { EnvFile, RunSettingsFile, StateFile }.Where(File.Exists))
        {
            File.Delete(file);
            deleted.Add(file);
        }
        if (Directory.Exists(NamespaceCounters))
        {
            Directory.Delete(NamespaceCounters, recursive: true);
        }
        return deleted;
    }
}
