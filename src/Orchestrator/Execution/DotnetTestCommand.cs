using System.Globalization;
using System.Reflection;
using System.Xml.Linq;
using Orchestrator.Configuration;
using Orchestrator.Coverage;
using Orchestrator.Execution.Settings;
using Orchestrator.Planning;

namespace Orchestrator.Execution;

/// <summary>
/// The <c>dotnet test</c> command line for one unit: built assemblies only (straight to vstest, no build),
/// its filter (in a <c>.runsettings</c> file when too long for a command line), its own results directory
/// and TRX, the live-results logger and the in-process progress collector when configured (the orchestrator's
/// own watchdog then names a hanging test), and VSTest's blame collector only when hang dumps are asked for
/// or there is no progress collector to watch. The team's own settings (<see cref="RunOptions.TestSettings"/>) are merged
/// under the orchestrator's: its filter, results directory, host count and collectors win, and every value it overrides
/// is in <see cref="Conflicts"/>. Coverlet's collector is passed only when coverage is on and a unit's project has it.
/// </summary>
internal sealed record DotnetTestCommand(IReadOnlyList<string> Arguments, string? RunSettings)
{
    public const string LoggerFriendlyName = "orchestrator";

    public static DotnetTestCommand For(ExecutionUnit unit, UnitPaths paths, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        if (unit.Sources.Count == 0)
        {
            throw new ArgumentException($"Unit '{unit.Id}' has no test assemblies to run.", nameof(unit));
        }
        var arguments = new List<string> { "test" };
        arguments.AddRange(unit.Sources);
        arguments.AddRange(["--results-directory", paths.Directory, "--logger", $"trx;LogFileName={paths.TrxFileName}"]);
        var watched = options.LoggerDirectory is not null;
        if (!watched || options.Timeouts.CollectsHangDumps)
        {
            var hangSeconds = Math.Max(1, (int)Math.Ceiling(options.Timeouts.TestHang.TotalSeconds));
            var dumpType = options.Timeouts.CollectsHangDumps ? options.Timeouts.HangDump : "none";
            arguments.AddRange(["--blame-hang-timeout", hangSeconds.ToString(CultureInfo.InvariantCulture) + "s", "--blame-hang-dump-type", dumpType]);
        }
        if (options.LoggerDirectory is { } loggerDirectory)
        {
            arguments.Add($"--test-adapter-path:{loggerDirectory}");
            arguments.AddRange(["--logger", $"{LoggerFriendlyName};mode=run;{LoggerPathParameter.For(paths.LiveResultsPath)}"]);
        }
        var settings = options.TestSettings;
        var teamLayers = settings.LayersFor(unit.Sources);
        var coverageCollectors = settings.CoverageCollectorsFor(unit.Sources);
        foreach (var collectorDirectory in coverageCollectors)
        {
            arguments.Add($"--test-adapter-path:{collectorDirectory}");
        }
        foreach (var logger in settings.Loggers)
        {
            arguments.AddRange(["--logger", logger]);
        }
        foreach (var collector in settings.Collectors)
        {
            arguments.AddRange(["--collect", collector]);
        }
        // With the team's own settings in play, everything the orchestrator needs goes into the one merged document, so
        // that what it overrides is visible there (and reported) rather than decided by VSTest's precedence rules.
        var merging = teamLayers.Count > 0;
        var filterInSettings = unit.Filter.Length > options.MaxCommandLineFilterLength || (merging && unit.Filter.Length > 0);
        var hosts = Hosts(unit, options);
        string? runSettings = null;
        IReadOnlyList<RunSettingsConflict> conflicts = [];
        if (filterInSettings || watched || hosts > 1 || merging || coverageCollectors.Count > 0)
        {
            var generated = SettingsDocument(
                filterInSettings ? unit.Filter : null,
                hosts > 1 || merging ? hosts : null,
                merging ? paths.Directory : null,
                watched ? ProgressCollector(options.LoggerDirectory!, paths.Directory) : null,
                coverageCollectors.Count > 0 ? CoverageCollector(settings.Coverage) : null);
            var (document, merged) = merging ? Merged(teamLayers, generated, settings.ReservedVariables) : (generated, []);
            (runSettings, conflicts) = (document.ToString(), merged);
            arguments.AddRange(["--settings", paths.RunSettingsPath]);
        }
        if (!filterInSettings && unit.Filter.Length > 0)
        {
            arguments.AddRange(["--filter", unit.Filter]);
        }
        return new DotnetTestCommand(arguments, runSettings) { Conflicts = conflicts };
    }

    /// <summary>
    /// Settings the team's documents set that another document (a project's over the shared one, the orchestrator's over
    /// both) set to something else; empty without team documents.
    /// </summary>
    public IReadOnlyList<RunSettingsConflict> Conflicts { get; init; } = [];

    /// <summary>Names the orchestrator's own document in <see cref="Conflicts"/>.</summary>
    internal const string OrchestratorSettings = "the orchestrator";

    /// <summary>
    /// The whole document of a unit that takes no command line (a long-lived <c>vstest.console</c>): the filter, results
    /// directory and host count always in it, merged with the team's settings as <see cref="For"/> merges them.
    /// </summary>
    internal static (XDocument Document, IReadOnlyList<RunSettingsConflict> Conflicts) WholeDocument(ExecutionUnit unit, UnitPaths paths, RunOptions options, string loggerDirectory)
    {
        var settings = options.TestSettings;
        var teamLayers = settings.LayersFor(unit.Sources);
        var generated = SettingsDocument(
            unit.Filter.Length > 0 ? unit.Filter : null,
            Hosts(unit, options),
            paths.Directory,
            ProgressCollector(loggerDirectory, paths.Directory),
            settings.CoverageCollectorsFor(unit.Sources).Count > 0 ? CoverageCollector(settings.Coverage) : null);
        return teamLayers.Count > 0 ? Merged(teamLayers, generated, settings.ReservedVariables) : (generated, []);
    }

    /// <summary>
    /// VSTest runs a unit's assemblies one after another unless told otherwise. A resource-free unit runs their hosts
    /// side by side, up to one per processor. A unit with resources never does: its assemblies share the unit's
    /// namespaces, and suites that clean up after themselves (FLUSHDB, TRUNCATE) would wipe each other's data.
    /// </summary>
    private static int Hosts(ExecutionUnit unit, RunOptions options) =>
        unit.Resources.IsEmpty ? Math.Min(unit.Sources.Count, Math.Max(1, options.HostsPerUnit)) : 1;

    private static (XDocument, IReadOnlyList<RunSettingsConflict>) Merged(IReadOnlyList<RunSettingsLayer> teamLayers, XDocument generated, IReadOnlySet<string> reservedVariables)
    {
        var team = teamLayers.Select(layer => (layer.Source, RunSettingsMerge.Parse(layer))).ToList();
        var (merged, conflicts) = RunSettingsMerge.Merge([.. team, (OrchestratorSettings, generated)]);
        var reserved = ReservedVariables.Remove(merged, team, reservedVariables);
        return (merged, [.. conflicts, .. reserved]);
    }

    /// <summary>
    /// The unit's own <c>.runsettings</c>: the filter when too long for the command line (or merged with the team's),
    /// parallel hosts, the results directory (when merged), the progress collector and coverlet's collector.
    /// </summary>
    private static XDocument SettingsDocument(string? filter, int? hosts, string? resultsDirectory, XElement? progressCollector, XElement? coverageCollector)
    {
        var settings = new XElement("RunSettings");
        var runConfiguration = new XElement("RunConfiguration");
        if (resultsDirectory is not null)
        {
            runConfiguration.Add(new XElement("ResultsDirectory", resultsDirectory));
        }
        if (filter is not null)
        {
            runConfiguration.Add(new XElement("TestCaseFilter", filter));
        }
        if (hosts is not null)
        {
            runConfiguration.Add(new XElement("MaxCpuCount", hosts));
        }
        if (runConfiguration.HasElements)
        {
            settings.Add(runConfiguration);
        }
        if (coverageCollector is not null)
        {
            settings.Add(new XElement("DataCollectionRunSettings", new XElement("DataCollectors", coverageCollector)));
        }
        if (progressCollector is not null)
        {
            settings.Add(new XElement("InProcDataCollectionRunSettings", new XElement("InProcDataCollectors", progressCollector)));
        }
        return new XDocument(settings);
    }

    /// <summary>
    /// Coverlet's VSTest collector. It writes coverlet's own JSON, which keeps every branch's hits and so merges across
    /// units exactly (Cobertura keeps only a percentage per branch point), and Cobertura beside it for the tools that read
    /// a unit's file.
    /// </summary>
    private static XElement CoverageCollector(CoverageSettings coverage)
    {
        var configuration = new XElement("Configuration", new XElement("Format", CoverletFiles.Formats));
        if (coverage.Include.Length > 0)
        {
            configuration.Add(new XElement("Include", string.Join(',', coverage.Include)));
        }
        if (coverage.Exclude.Length > 0)
        {
            configuration.Add(new XElement("Exclude", string.Join(',', coverage.Exclude)));
        }
        if (coverage.ExcludeByAttribute.Length > 0)
        {
            configuration.Add(new XElement("ExcludeByAttribute", string.Join(',', coverage.ExcludeByAttribute)));
        }
        return new XElement("DataCollector", new XAttribute("friendlyName", CoverletFiles.CollectorName), configuration);
    }

    /// <summary>The in-process collector that writes each test's start and end into the unit's directory (see <c>TestProgressCollector</c>).</summary>
    private static XElement ProgressCollector(string loggerDirectory, string unitDirectory)
    {
        var codebase = Path.GetFullPath(Path.Combine(loggerDirectory, "Orchestrator.TestLogger.dll"));
        return new("InProcDataCollector",
            new XAttribute("friendlyName", "orchestrator-progress"),
            new XAttribute("uri", "InProcDataCollector://orchestrator/progress/v1"),
            // The test host matches the type by its whole assembly-qualified name, version included.
            new XAttribute("assemblyQualifiedName", $"Orchestrator.TestLogger.TestProgressCollector, {CollectorAssemblyName(codebase)}"),
            new XAttribute("codebase", codebase),
            new XElement("Configuration", new XElement("Directory", unitDirectory)));
    }

    private static string CollectorAssemblyName(string codebase)
    {
        try
        {
            return AssemblyName.GetAssemblyName(codebase).FullName;
        }
        catch (Exception exception) when (exception is IOException or BadImageFormatException)
        {
            return "Orchestrator.TestLogger";
        }
    }
}
