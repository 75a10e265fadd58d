using System.Globalization;
using System.Xml.Linq;
using Orchestrator.Planning;

namespace Orchestrator.Execution;

/// <summary>
/// The <c>dotnet test</c> command line for one unit: built assemblies only (straight to vstest, no build),
/// its filter (in a <c>.runsettings</c> file when too long for a command line), its own results directory
/// and TRX, the hang timeout, and the live-results logger when configured.
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
        var hangSeconds = Math.Max(1, (int)Math.Ceiling(options.Timeouts.TestHang.TotalSeconds));
        arguments.AddRange(["--blame-hang-timeout", hangSeconds.ToString(CultureInfo.InvariantCulture) + "s", "--blame-hang-dump-type", "none"]);
        if (options.LoggerDirectory is { } loggerDirectory)
        {
            arguments.Add($"--test-adapter-path:{loggerDirectory}");
            arguments.AddRange(["--logger", $"{LoggerFriendlyName};mode=run;path={paths.LiveResultsPath}"]);
        }
        string? runSettings = null;
        if (unit.Filter.Length > options.MaxCommandLineFilterLength)
        {
            runSettings = RunSettingsWithFilter(unit.Filter);
            arguments.AddRange(["--settings", paths.RunSettingsPath]);
        }
        else if (unit.Filter.Length > 0)
        {
            arguments.AddRange(["--filter", unit.Filter]);
        }
        return new DotnetTestCommand(arguments, runSettings);
    }

    /// <summary>A <c>.runsettings</c> document whose <c>RunConfiguration/TestCaseFilter</c> carries the filter.</summary>
    public static string RunSettingsWithFilter(string filter) =>
        new XDocument(
            new XElement("RunSettings",
                new XElement("RunConfiguration",
                    new XElement("TestCaseFilter", filter)))).ToString();
}
