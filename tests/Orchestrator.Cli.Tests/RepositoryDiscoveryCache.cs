using Orchestrator.Cli.Tests.Adoption;

namespace Orchestrator.Cli.Tests;

/// <summary>
/// The discovery cache of this repository's own run (.orchestrator/cache/discovery). Its entries are keyed by the
/// content of a test assembly, its deps and runtimeconfig files and the logger, so an entry only ever stands for the
/// very assembly it was listed from. A test workspace over assemblies of the main build starts with a copy: the tool
/// then lists only what the repository's run has not listed already, instead of starting a test host per assembly in
/// every test. Without that cache (tests run on their own) every workspace discovers from scratch, as before.
/// </summary>
internal static class RepositoryDiscoveryCache
{
    public static void CopyInto(string workspaceRoot)
    {
        var source = Path.Combine(RepositoryPaths.Root(), ".orchestrator", "cache", "discovery");
        if (!Directory.Exists(source))
        {
            return;
        }
        var target = Path.Combine(workspaceRoot, ".orchestrator", "cache", "discovery");
        Directory.CreateDirectory(target);
        foreach (var entry in Directory.EnumerateFiles(source, "*.json"))
        {
            File.Copy(entry, Path.Combine(target, Path.GetFileName(entry)), overwrite: true);
        }
    }
}
