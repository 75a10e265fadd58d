using System.Xml.Linq;
using Orchestrator.Configuration;
using Orchestrator.Execution;
using Orchestrator.Execution.Settings;
using Orchestrator.Model;
using Orchestrator.Planning;
using Xunit;

namespace Orchestrator.Tests.Execution;

[Trait("Category", "Unit")]
public sealed class ConsoleRunSettingsTests
{
    private static readonly ExecutionUnit Unit = new(
        "integration-postgres#1",
        "integration-postgres",
        "integration",
        ResourceSet.Of("postgres"),
        [new TestKey("A.Tests", "A.Tests.One")],
        ["/bin/A.Tests.dll"],
        "FullyQualifiedName=A.Tests.One",
        TimeSpan.FromSeconds(5));

    private static readonly RunOptions Options = new("run1", "/results") { LoggerDirectory = "/tool", HostsPerUnit = 1 };

    private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal)
    {
        ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Database=unit_1",
        ["ORCHESTRATOR_UNIT_0123"] = "1",
    };

    [Fact]
    public void The_document_carries_what_dotnet_test_takes_from_its_command_line()
    {
        var paths = UnitPaths.For("/results", Unit.Id, 0, 0);

        var settings = ConsoleRunSettings.For(Unit, paths, Options, Environment);

        var root = XDocument.Parse(settings.Document).Root!;
        var run = root.Element("RunConfiguration")!;
        Assert.Equal(Unit.Filter, run.Element("TestCaseFilter")!.Value);
        Assert.Equal(paths.Directory, run.Element("ResultsDirectory")!.Value);
        Assert.Equal(Path.GetFullPath("/tool"), run.Element("TestAdaptersPaths")!.Value);
        Assert.Equal(
            Environment.OrderBy(pair => pair.Key, StringComparer.Ordinal),
            run.Element("EnvironmentVariables")!.Elements().Select(variable => KeyValuePair.Create(variable.Name.LocalName, variable.Value)).OrderBy(pair => pair.Key, StringComparer.Ordinal));
        var loggers = root.Element("LoggerRunSettings")!.Element("Loggers")!.Elements("Logger").ToDictionary(logger => logger.Attribute("friendlyName")!.Value, logger => logger.Element("Configuration")!);
        Assert.Equal(paths.TrxFileName, loggers["trx"].Element("LogFileName")!.Value);
        Assert.Equal(paths.LiveResultsPath, loggers[DotnetTestCommand.LoggerFriendlyName].Element(LoggerPathParameter.PlainKey)!.Value);
        Assert.Equal("run", loggers[DotnetTestCommand.LoggerFriendlyName].Element("mode")!.Value);
        Assert.NotNull(root.Element("InProcDataCollectionRunSettings"));
    }

    [Fact]
    public void The_units_variables_win_over_the_teams_and_the_teams_other_settings_stay()
    {
        var paths = UnitPaths.For("/results", Unit.Id, 0, 0);
        var team = new UnitSettings
        {
            Shared = new RunSettingsLayer(
                "/repo/ci.runsettings",
                "<RunSettings><RunConfiguration><TestAdaptersPaths>/adapters</TestAdaptersPaths><EnvironmentVariables><ConnectionStrings__Postgres>Host=localhost</ConnectionStrings__Postgres><MODE>ci</MODE></EnvironmentVariables></RunConfiguration></RunSettings>"),
            ReservedVariables = ["ConnectionStrings__Postgres"],
        };

        var settings = ConsoleRunSettings.For(Unit, paths, Options with { TestSettings = team }, Environment);

        var run = XDocument.Parse(settings.Document).Root!.Element("RunConfiguration")!;
        var variables = run.Element("EnvironmentVariables")!;
        Assert.Equal("Host=127.0.0.1;Database=unit_1", Assert.Single(variables.Elements("ConnectionStrings__Postgres")).Value);
        Assert.Equal("ci", variables.Element("MODE")!.Value);
        Assert.Equal("/adapters;" + Path.GetFullPath("/tool"), run.Element("TestAdaptersPaths")!.Value);
        Assert.Contains(settings.Conflicts, conflict => conflict.Path == "RunConfiguration/EnvironmentVariables/ConnectionStrings__Postgres");
    }

    [Fact]
    public void A_unit_a_console_cannot_serve_is_told_apart_with_the_reason()
    {
        Assert.Null(ConsoleRunSettings.Unservable(Unit, Options, Environment));
        Assert.Contains("blame collector", ConsoleRunSettings.Unservable(Unit, Options with { LoggerDirectory = null }, Environment), StringComparison.Ordinal);
        Assert.Contains("hang dumps", ConsoleRunSettings.Unservable(Unit, Options with { Timeouts = TimeoutSettings.Default with { HangDump = "mini" } }, Environment), StringComparison.Ordinal);
        Assert.Contains("testSettings", ConsoleRunSettings.Unservable(Unit, Options with { TestSettings = new UnitSettings { Loggers = ["GitHubActions"] } }, Environment), StringComparison.Ordinal);
        Assert.Contains("'1ST'", ConsoleRunSettings.Unservable(Unit, Options, new Dictionary<string, string> { ["1ST"] = "x" }), StringComparison.Ordinal);
        Assert.Contains("';'", ConsoleRunSettings.Unservable(Unit, Options with { LoggerDirectory = "/a;b" }, Environment), StringComparison.Ordinal);
    }
}
