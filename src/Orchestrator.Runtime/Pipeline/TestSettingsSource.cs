using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.Discovery;
using Orchestrator.Execution;
using Orchestrator.Execution.Settings;
using Orchestrator.Model;
using Orchestrator.Planning;
using Orchestrator.Results;
using Orchestrator.TestingPlatform;

namespace Orchestrator.Pipeline;

/// <summary>
/// Reads the team's own test settings for a run before anything starts: the configuration's <c>testSettings</c> file,
/// each planned project's <c>RunSettingsFilePath</c> and coverage collector (from the build's manifests). A settings
/// file that is missing or not a <c>.runsettings</c> document stops the run with the file and the fix; what the merge
/// overrides and projects that cannot measure coverage are warnings.
/// </summary>
internal static class TestSettingsSource
{
    /// <param name="workspace">The repository and its configuration.</param>
    /// <param name="plan">The units that will run.</param>
    /// <param name="coverage">Whether this run measures coverage (the configuration's, or <c>run --coverage</c>).</param>
    /// <exception cref="UsageException">A settings file is missing or invalid.</exception>
    public static UnitSettings Load(Workspace workspace, TestPlan plan, bool coverage, List<RunProblem> problems)
    {
        var configuration = workspace.Configuration;
        // VSTest units take the team's .runsettings and coverlet's VSTest collector; platform applications that read
        // .runsettings take the team's file too.
        var sources = plan.Units.Where(unit => unit.Runner == TestRunnerKind.VSTest).SelectMany(unit => unit.Sources).Distinct(StringComparer.Ordinal).ToList();
        var platformSources = plan.Units.Where(unit => unit.Runner != TestRunnerKind.VSTest).SelectMany(unit => unit.Sources).Distinct(StringComparer.Ordinal).ToList();
        var manifests = Manifests(workspace, [.. sources, .. platformSources]);

        RunSettingsLayer? shared = null;
        if (configuration.TestSettings.RunSettings is { } sharedPath)
        {
            var path = ConfigurationPaths.Resolve(configuration, sharedPath);
            shared = Read(path,
                $"testSettings.runSettings in {configuration.SourcePath} names '{path}', which does not exist: give the path of a .runsettings file relative to the configuration file, or remove the key.");
        }

        var projects = ImmutableDictionary.CreateBuilder<string, RunSettingsLayer>(StringComparer.Ordinal);
        var collectors = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var settings = configuration.Coverage with { Enabled = configuration.Coverage.Enabled || coverage };
        foreach (var source in sources.Concat(platformSources.Where(TestingPlatformUnitRunner.ReadsRunSettings)))
        {
            if (manifests.GetValueOrDefault(source) is { RunSettingsFilePath: { } projectSettings } manifest)
            {
                projects[source] = Read(projectSettings,
                    $"Test project '{manifest.ProjectName}' sets RunSettingsFilePath to '{projectSettings}', which does not exist: fix the property in {manifest.ProjectPath} (or remove it) and rebuild.");
            }
        }
        foreach (var source in settings.Enabled ? sources : [])
        {
            var manifest = manifests.GetValueOrDefault(source);
            if (manifest?.CoverageCollectorDirectory is { } directory && Directory.Exists(directory))
            {
                collectors[source] = directory;
            }
            else
            {
                var project = manifest?.ProjectPath ?? source;
                var name = manifest?.ProjectName ?? Path.GetFileNameWithoutExtension(source);
                problems.Add(new RunProblem(ProblemSeverity.Warning, project, manifest?.CoverageCollectorDirectory is { } missing
                    ? $"Coverage is on, but coverlet's collector of test project '{name}' is gone from '{missing}': restore and rebuild the project."
                    : $"Coverage is on, but test project '{name}' does not reference coverlet.collector, so its tests measure no coverage: add <PackageReference Include=\"coverlet.collector\" /> to it and rebuild."));
            }
        }

        if (settings.Enabled)
        {
            foreach (var source in platformSources.Where(source => !TestingPlatformUnitRunner.MeasuresCoverage(source)))
            {
                var manifest = manifests.GetValueOrDefault(source);
                problems.Add(new RunProblem(ProblemSeverity.Warning, manifest?.ProjectPath ?? source,
                    $"Coverage is on, but test project '{manifest?.ProjectName ?? Path.GetFileNameWithoutExtension(source)}' runs on Microsoft.Testing.Platform without coverlet's extension, " +
                    "so its tests measure no coverage: add <PackageReference Include=\"coverlet.MTP\" /> to it and rebuild."));
            }
        }

        problems.AddRange(PlatformProblems(configuration, shared is not null, platformSources, manifests));

        return new UnitSettings
        {
            Shared = shared,
            Projects = projects.ToImmutable(),
            ReservedVariables = [.. configuration.Resources.Values.SelectMany(resource => resource.Variables.Keys), .. configuration.TestEnvironment.Keys],
            Loggers = configuration.TestSettings.Loggers,
            Collectors = configuration.TestSettings.Collectors,
            Coverage = settings,
            CoverageCollectors = collectors.ToImmutable(),
        };
    }

    /// <summary>Warnings for every value of the team's settings that a unit's settings override, once each.</summary>
    public static IEnumerable<RunProblem> Overrides(TestPlan plan, RunOptions options)
    {
        var seen = new HashSet<(string, string, string)>();
        var vsTest = plan.Units
            .Where(unit => unit.Runner == TestRunnerKind.VSTest)
            .SelectMany(unit => DotnetTestCommand.For(unit, UnitPaths.For(options.ResultsDirectory, unit.Id, 0, 0), options).Conflicts);
        var platform = plan.Units
            .Where(unit => unit.Runner != TestRunnerKind.VSTest)
            .SelectMany(unit => unit.Sources)
            .Distinct(StringComparer.Ordinal)
            .Where(TestingPlatformUnitRunner.ReadsRunSettings)
            .SelectMany(source => options.TestSettings.PlatformSettingsFor(source)?.Conflicts ?? []);
        foreach (var conflict in vsTest.Concat(platform).Where(conflict => seen.Add((conflict.Path, conflict.Overridden, conflict.Winner))))
        {
            yield return new RunProblem(ProblemSeverity.Warning, conflict.Overridden, conflict.Winner == DotnetTestCommand.OrchestratorSettings
                ? $"'{conflict.Overridden}' sets {conflict.Path}, which the orchestrator sets itself in every unit ({OwnedBecause(conflict.Path)}): the orchestrator's value is used. Remove it from the file to silence this."
                : $"'{conflict.Winner}' sets {conflict.Path} differently from '{conflict.Overridden}': the project's value from '{conflict.Winner}' is used.");
        }
    }

    /// <summary>Why the orchestrator decides the element at <paramref name="path"/> in every unit, for the warning.</summary>
    private static string OwnedBecause(string path) => path switch
    {
        "RunConfiguration/TestCaseFilter" => "it selects exactly the unit's tests",
        "RunConfiguration/ResultsDirectory" => "each unit writes into a directory of its own",
        "RunConfiguration/MaxCpuCount" => "it decides how many test hosts a unit runs at once",
        _ when path.StartsWith("RunConfiguration/EnvironmentVariables/", StringComparison.Ordinal) =>
            "a variable of the partition's resources or of testEnvironment; from the file, the test host would set it over the unit's own and point every partition at one namespace",
        _ => "its own collectors and loggers",
    };

    /// <summary>
    /// What of the team's settings a Microsoft.Testing.Platform application does not get: each application's own
    /// testconfig.json settings that the orchestrator's command line overrides, the VSTest-only <c>testSettings</c>,
    /// and the <c>.runsettings</c> of applications that read none.
    /// </summary>
    private static IEnumerable<RunProblem> PlatformProblems(
        OrchestratorConfiguration configuration, bool sharedSettings, List<string> platformSources, Dictionary<string, TestProjectManifest> manifests)
    {
        foreach (var source in platformSources)
        {
            var file = TestConfigFile.PathOf(source);
            foreach (var (setting, option) in TestConfigFile.OverriddenSettings(source))
            {
                yield return new RunProblem(ProblemSeverity.Warning, file,
                    $"'{file}' sets {setting}, which the orchestrator sets itself in every unit ({option}, so that each unit's files stay apart): the orchestrator's value is used. Remove it from the file to silence this.");
            }
        }

        string NameOf(string source) => manifests.GetValueOrDefault(source)?.ProjectName ?? Path.GetFileNameWithoutExtension(source);
        var configurationPath = configuration.SourcePath ?? "orchestrator.json";
        var testSettings = configuration.TestSettings;
        string[] vsTestOnly =
        [
            .. testSettings.Loggers.IsEmpty ? Array.Empty<string>() : ["loggers"],
            .. testSettings.Collectors.IsEmpty ? Array.Empty<string>() : ["collectors"],
        ];
        if (vsTestOnly.Length > 0 && platformSources.Count > 0)
        {
            var applications = string.Join(", ", platformSources.Select(NameOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            yield return new RunProblem(ProblemSeverity.Warning, configurationPath,
                $"testSettings.{string.Join(", testSettings.", vsTestOnly)} in {configuration.SourcePath} reach VSTest units only, not the Microsoft.Testing.Platform applications {applications}: " +
                "such an application reads its own <application>.testconfig.json beside it (the build copies the project's testconfig.json there), so set what it needs in that file.");
        }

        var unread = platformSources
            .Where(source => !TestingPlatformUnitRunner.ReadsRunSettings(source))
            .Select(source => (Name: NameOf(source), Files: (string[])
            [
                .. sharedSettings ? [$"testSettings.runSettings in {configuration.SourcePath}"] : Array.Empty<string>(),
                .. manifests.GetValueOrDefault(source)?.RunSettingsFilePath is { } own ? [$"its RunSettingsFilePath '{own}'"] : Array.Empty<string>(),
            ]))
            .Where(application => application.Files.Length > 0)
            .Select(application => $"{application.Name} ({string.Join(", ", application.Files)})")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (unread.Count > 0)
        {
            yield return new RunProblem(ProblemSeverity.Warning, configurationPath,
                $"The Microsoft.Testing.Platform applications {string.Join(", ", unread)} read no .runsettings file (xunit.v3 and TUnit take no --settings), so these settings do not reach them: " +
                "set what they need in the project's testconfig.json (the build copies it beside the application as <application>.testconfig.json), or for xunit.v3 in its xunit.runner.json.");
        }
    }

    private static RunSettingsLayer Read(string path, string missing)
    {
        if (!File.Exists(path))
        {
            throw new UsageException(missing);
        }
        var layer = new RunSettingsLayer(path, File.ReadAllText(path));
        try
        {
            RunSettingsMerge.Parse(layer);
        }
        catch (RunSettingsException exception)
        {
            throw new UsageException(exception.Message);
        }
        return layer;
    }

    private static Dictionary<string, TestProjectManifest> Manifests(Workspace workspace, List<string> sources)
    {
        var wanted = sources.ToHashSet(StringComparer.Ordinal);
        var (manifests, _) = ManifestReader.ReadDirectory(workspace.ManifestDirectory);
        var bySource = new Dictionary<string, TestProjectManifest>(StringComparer.Ordinal);
        foreach (var manifest in manifests)
        {
            var source = Path.GetFullPath(manifest.TargetPath);
            if (wanted.Contains(source))
            {
                bySource.TryAdd(source, manifest);
            }
        }
        return bySource;
    }
}
