using System.Globalization;
using Orchestrator.Building;

namespace Orchestrator.Pipeline;

/// <summary>
/// The build <c>orchestrator build</c> and <c>run --build</c> run: the configured solution, configuration
/// and properties, with the manifest targets shipped beside the tool injected into every project, and the
/// manifests written where discovery reads them. No project of the repository is edited.
/// </summary>
public static class RepositoryBuild
{
    /// <param name="workspace">The repository and its configuration's build section.</param>
    /// <param name="output">Receives the command line and the build's output.</param>
    /// <param name="ct">Cancels the build.</param>
    public static async Task RunAsync(Workspace workspace, TextWriter output, CancellationToken ct)
    {
        var configuration = workspace.Configuration;
        var target = BuildTarget.Resolve(configuration);
        var targets = ManifestTargets.InToolDirectory(AppContext.BaseDirectory);
        var usage = TargetsHookUsage.Find(
            [workspace.Root, Path.GetDirectoryName(target)!],
            configuration.Build.Properties,
            Environment.GetEnvironmentVariable);
        var injection = ManifestInjection.Choose(usage);
        var invocation = BuildInvocation.For(configuration.Build, target, workspace.Root, workspace.ManifestDirectory, targets, injection);

        await output.WriteLineAsync($"> {invocation.CommandLine}");
        if (injection.Note is { } note)
        {
            await output.WriteLineAsync($"note: {note}");
        }
        TimeSpan elapsed;
        try
        {
            elapsed = await SolutionBuilder.RunAsync(invocation, output.WriteLine, "dotnet", ct);
        }
        catch (BuildFailedException failed)
        {
            var passed = configuration.Build.Properties.IsEmpty
                ? "none is set"
                : "set: " + string.Join(", ", configuration.Build.Properties.Keys.Order(StringComparer.OrdinalIgnoreCase));
            throw new BuildFailedException(
                $"{failed.Message}\nFix the errors above; if the repository needs MSBuild properties to build (a CI flag, a constant), " +
                $"give them in \"build\": {{ \"properties\": {{ ... }} }} of {configuration.SourcePath} ({passed}).",
                failed.ExitCode,
                failed.Errors);
        }

        var manifests = Directory.Exists(workspace.ManifestDirectory)
            ? Directory.EnumerateFiles(workspace.ManifestDirectory, "*.json").Count()
            : 0;
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Built {Path.GetRelativePath(workspace.Root, target)} ({configuration.Build.Configuration}) in {elapsed.TotalSeconds:0.0} s; {manifests} test project manifest(s) in {workspace.ManifestDirectory}."));
        if (manifests == 0)
        {
            await output.WriteLineAsync(
                "warning: no test project wrote a manifest, so discover will find no test. A test project needs IsTestProject=true " +
                "(Microsoft.NET.Test.Sdk, MSTest.Sdk and xunit.v3 set it); check that the solution contains the test projects and that none sets OrchestratorManifestEnabled=false.");
        }
    }
}
