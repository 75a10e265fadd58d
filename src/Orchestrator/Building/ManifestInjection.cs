namespace Orchestrator.Building;

/// <summary>
/// The global MSBuild property through which the build imports the manifest targets into every project
/// without editing one: <c>CustomAfterMicrosoftCommonTargets</c> (imported at the end of
/// Microsoft.Common.targets), or <c>CustomBeforeMicrosoftCommonTargets</c> when the repository already
/// uses the first. Either works: the targets only declare a task and a target that runs after Build.
/// </summary>
internal sealed record ManifestInjection(string Property, string? Note)
{
    /// <exception cref="BuildException">The repository sets both properties, so either would be overridden.</exception>
    public static ManifestInjection Choose(TargetsHookUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        if (usage.SetsAfter.IsEmpty)
        {
            return new ManifestInjection(TargetsHookUsage.After, null);
        }
        if (usage.SetsBefore.IsEmpty)
        {
            return new ManifestInjection(
                TargetsHookUsage.Before,
                $"{TargetsHookUsage.After} is set by {string.Join(", ", usage.SetsAfter)}, so the manifest targets are imported through {TargetsHookUsage.Before} instead.");
        }
        throw new BuildException(
            $"Cannot add the manifest targets to the build: the repository sets both {TargetsHookUsage.After} ({string.Join(", ", usage.SetsAfter)}) " +
            $"and {TargetsHookUsage.Before} ({string.Join(", ", usage.SetsBefore)}), and a command-line property would replace its value. " +
            "Import the targets shipped with the tool (msbuild/Orchestrator.MSBuild.targets) from your Directory.Build.targets for test projects, " +
            "set OrchestratorManifestDirectory to artifacts/orchestrator/manifests/ beside orchestrator.json, and build with your own build.");
    }
}
