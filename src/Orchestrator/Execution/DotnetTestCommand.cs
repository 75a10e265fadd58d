using System.Globalization;
using System.Reflection;
using System.Xml.Linq;
using Orchestrator.Planning;

namespace Orchestrator.Execution;

/// <summary>
/// The <c>dotnet test</c> command line for one unit: built assemblies only (straight to vstest, no build),
/// its filter (in a <c>.runsettings</c> file when too long for a command line), its own results directory
/// and TRX, the live-results logger and the in-process progress collector when configured (the orchestrator's
/// own watchdog then names a hanging test), and VSTest's blame collector only when hang dumps are asked for
/// or there is no progress collector to watch.
/// </summary>
public sealed record DotnetTestCommand(IReadOnlyList<string> Arguments, string? RunSettings)
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
            arguments.AddRange(["--logger", $"{LoggerFriendlyName};mode=run;path={paths.LiveResultsPath}"]);
        }
        var filterInSettings = unit.Filter.Length > options.MaxCommandLineFilterLength;
        // VSTest runs a unit's assemblies one after another unless told otherwise. A resource-free unit runs their hosts
        // side by side, up to one per processor. A unit with resources never does: its assemblies share the unit's
        // namespaces, and suites that clean up after themselves (FLUSHDB, TRUNCATE) would wipe each other's data.
        var hosts = unit.Resources.IsEmpty ? Math.Min(unit.Sources.Count, Math.Max(1, options.HostsPerUnit)) : 1;
        string? runSettings = null;
        if (filterInSettings || watched || hosts > 1)
        {
            runSettings = SettingsDocument(filterInSettings ? unit.Filter : null, hosts, watched ? ProgressCollector(options.LoggerDirectory!, paths.Directory) : null);
            arguments.AddRange(["--settings", paths.RunSettingsPath]);
        }
        if (!filterInSettings && unit.Filter.Length > 0)
        {
            arguments.AddRange(["--filter", unit.Filter]);
        }
        return new DotnetTestCommand(arguments, runSettings);
    }

    /// <summary>The unit's <c>.runsettings</c>: the filter when too long for the command line, parallel hosts, the progress collector.</summary>
    private static string SettingsDocument(string? filter, int hosts, XElement? progressCollector)
    {
        var settings = new XElement("RunSettings");
        var runConfiguration = new XElement("RunConfiguration");
        if (filter is not null)
        {
            runConfiguration.Add(new XElement("TestCaseFilter", filter));
        }
        if (hosts > 1)
        {
            runConfiguration.Add(new XElement("MaxCpuCount", hosts));
        }
        if (runConfiguration.HasElements)
        {
            settings.Add(runConfiguration);
        }
        if (progressCollector is not null)
        {
            settings.Add(new XElement("InProcDataCollectionRunSettings", new XElement("InProcDataCollectors", progressCollector)));
        }
        return new XDocument(settings).ToString();
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
