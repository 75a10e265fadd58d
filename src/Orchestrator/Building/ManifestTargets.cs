namespace Orchestrator.Building;

/// <summary>
/// The MSBuild targets and task that write a test project's manifest, as shipped with the tool (in its
/// <c>msbuild/</c> directory), so that a build can use them without any project importing them.
/// </summary>
internal sealed record ManifestTargets(string TargetsPath, string TaskAssemblyPath)
{
    public const string DirectoryName = "msbuild";
    public const string TargetsFileName = "Orchestrator.MSBuild.targets";
    public const string TaskAssemblyFileName = "Orchestrator.MSBuild.dll";

    /// <summary>The files shipped beside the tool in <paramref name="toolDirectory"/>.</summary>
    /// <exception cref="BuildException">A file is missing (a broken install or a partial build of the tool).</exception>
    public static ManifestTargets InToolDirectory(string toolDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(toolDirectory);
        var directory = Path.Combine(Path.GetFullPath(toolDirectory), DirectoryName);
        var targets = new ManifestTargets(Path.Combine(directory, TargetsFileName), Path.Combine(directory, TaskAssemblyFileName));
        foreach (var file in new[] { targets.TargetsPath, targets.TaskAssemblyPath })
        {
            if (!File.Exists(file))
            {
                throw new BuildException(
                    $"The orchestrator's manifest targets are missing: '{file}' does not exist. " +
                    "Reinstall the tool (dotnet tool install from the Orchestrator.Tool package), or rebuild src/Orchestrator.Cli, which copies them into its output.");
            }
        }
        return targets;
    }
}
