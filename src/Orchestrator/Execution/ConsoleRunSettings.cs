using System.Xml;
using System.Xml.Linq;
using Orchestrator.Execution.Settings;
using Orchestrator.Planning;

namespace Orchestrator.Execution;

/// <summary>
/// The one <c>.runsettings</c> a unit is run with on a long-lived <c>vstest.console</c> (its design mode takes no command
/// line): everything <see cref="DotnetTestCommand"/> puts in the unit's document — filter, results directory, host count,
/// the progress collector, coverlet's collector, the team's settings merged under them — and what <c>dotnet test</c> would
/// take from its command line: the TRX and live-results loggers (<c>LoggerRunSettings</c>), the directories they and the
/// collectors load from (<c>TestAdaptersPaths</c>), and the unit's environment with its process mark
/// (<c>RunConfiguration/EnvironmentVariables</c>, which the console gives the unit's own test host and nothing else).
/// </summary>
/// <param name="Document">The document sent to the console; it holds the unit's variables, secrets included.</param>
/// <param name="Conflicts">As <see cref="DotnetTestCommand.Conflicts"/>.</param>
internal sealed record ConsoleRunSettings(string Document, IReadOnlyList<RunSettingsConflict> Conflicts)
{
    private const string TrxLogger = "trx";

    /// <summary>
    /// Why the unit needs a <c>dotnet test</c> of its own, or null when a long-lived console serves it: VSTest's blame
    /// collector (hang dumps, or no live-results logger for the orchestrator's watchdog), the team's command-line loggers
    /// and collectors, a variable name or directory a <c>.runsettings</c> cannot carry.
    /// </summary>
    public static string? Unservable(ExecutionUnit unit, RunOptions options, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var settings = options.TestSettings;
        if (options.LoggerDirectory is null)
        {
            return "no live-results logger is configured, so VSTest's blame collector watches for hangs";
        }
        if (options.Timeouts.CollectsHangDumps)
        {
            return $"hang dumps are asked for (timeouts.hangDump \"{options.Timeouts.HangDump}\"), which VSTest's blame collector writes";
        }
        if (settings.Loggers.Length > 0 || settings.Collectors.Length > 0)
        {
            return "testSettings adds loggers or collectors, which are passed on the command line";
        }
        if (environment.Keys.FirstOrDefault(name => !IsElementName(name)) is { } variable)
        {
            return $"the variable name '{variable}' cannot be an element of RunConfiguration/EnvironmentVariables";
        }
        var directories = settings.CoverageCollectorsFor(unit.Sources).Prepend(options.LoggerDirectory);
        return directories.FirstOrDefault(directory => directory.Contains(';', StringComparison.Ordinal)) is { } separated
            ? $"the directory '{separated}' holds a ';', which separates RunConfiguration/TestAdaptersPaths"
            : null;
    }

    /// <summary>The unit's document; call only when <see cref="Unservable"/> is null.</summary>
    /// <param name="environment">The unit's variables, its process mark among them.</param>
    public static ConsoleRunSettings For(ExecutionUnit unit, UnitPaths paths, RunOptions options, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var loggerDirectory = options.LoggerDirectory ?? throw new ArgumentException("A unit on a long-lived console needs the live-results logger.", nameof(options));
        var (document, conflicts) = DotnetTestCommand.WholeDocument(unit, paths, options, loggerDirectory);
        var root = document.Root!;
        var runConfiguration = Child(root, "RunConfiguration");
        var adapters = Child(runConfiguration, "TestAdaptersPaths");
        adapters.Value = string.Join(';', new[] { adapters.Value, Path.GetFullPath(loggerDirectory) }
            .Concat(options.TestSettings.CoverageCollectorsFor(unit.Sources))
            .Where(directory => directory.Length > 0));
        // Set after the merge: the team's documents never set the orchestrator's variables (ReservedVariables).
        var variables = Child(runConfiguration, "EnvironmentVariables");
        foreach (var (name, value) in environment)
        {
            variables.Element(name)?.Remove();
            variables.Add(new XElement(name, value));
        }
        var loggers = Child(Child(root, "LoggerRunSettings"), "Loggers");
        loggers.Add(
            Logger(TrxLogger, new XElement("LogFileName", paths.TrxFileName)),
            Logger(DotnetTestCommand.LoggerFriendlyName, new XElement("mode", "run"), new XElement(LoggerPathParameter.PlainKey, paths.LiveResultsPath)));
        return new ConsoleRunSettings(document.ToString(), conflicts);
    }

    private static XElement Logger(string friendlyName, params XElement[] configuration) =>
        new("Logger", new XAttribute("friendlyName", friendlyName), new XAttribute("enabled", "True"), new XElement("Configuration", configuration));

    private static XElement Child(XElement parent, string name)
    {
        if (parent.Element(name) is { } existing)
        {
            return existing;
        }
        var child = new XElement(name);
        parent.Add(child);
        return child;
    }

    private static bool IsElementName(string name)
    {
        try
        {
            XmlConvert.VerifyNCName(name);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
