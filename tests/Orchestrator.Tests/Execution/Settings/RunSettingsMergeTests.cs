using System.Xml.Linq;
using Orchestrator.Execution.Settings;
using Xunit;

namespace Orchestrator.Tests.Execution.Settings;

[Trait("Category", "Unit")]
public sealed class RunSettingsMergeTests
{
    private const string Project = "/repo/tests/Shop.Tests/shop.runsettings";
    private const string Orchestrator = "the orchestrator";

    [Fact]
    public void The_teams_parameters_environment_and_collectors_are_kept_beside_the_orchestrators_own()
    {
        var team = Document("""
            <RunSettings>
              <RunConfiguration><EnvironmentVariables><SHOP_MODE>ci</SHOP_MODE></EnvironmentVariables></RunConfiguration>
              <TestRunParameters><Parameter name="baseUrl" value="http://localhost:5000" /></TestRunParameters>
              <DataCollectionRunSettings><DataCollectors><DataCollector friendlyName="blame" /></DataCollectors></DataCollectionRunSettings>
              <LoggerRunSettings><Loggers><Logger friendlyName="console"><Configuration><Verbosity>normal</Verbosity></Configuration></Logger></Loggers></LoggerRunSettings>
            </RunSettings>
            """);
        var orchestrator = Document("""
            <RunSettings>
              <RunConfiguration><TestCaseFilter>Category=unit</TestCaseFilter></RunConfiguration>
              <DataCollectionRunSettings><DataCollectors><DataCollector friendlyName="XPlat Code Coverage"><Configuration><Format>json,cobertura</Format></Configuration></DataCollector></DataCollectors></DataCollectionRunSettings>
            </RunSettings>
            """);

        var (merged, conflicts) = RunSettingsMerge.Merge([(Project, team), (Orchestrator, orchestrator)]);

        Assert.Empty(conflicts);
        var root = merged.Root!;
        Assert.Equal("ci", root.Element("RunConfiguration")!.Element("EnvironmentVariables")!.Element("SHOP_MODE")!.Value);
        Assert.Equal("Category=unit", root.Element("RunConfiguration")!.Element("TestCaseFilter")!.Value);
        Assert.Equal("http://localhost:5000", root.Element("TestRunParameters")!.Element("Parameter")!.Attribute("value")!.Value);
        Assert.Equal(["blame", "XPlat Code Coverage"], root.Descendants("DataCollector").Select(collector => collector.Attribute("friendlyName")!.Value));
        Assert.Equal("normal", root.Descendants("Logger").Single().Element("Configuration")!.Element("Verbosity")!.Value);
    }

    [Fact]
    public void Where_both_set_an_element_the_later_document_wins_and_the_conflict_names_file_and_element()
    {
        var team = Document("""
            <RunSettings>
              <RunConfiguration><ResultsDirectory>./TestResults</ResultsDirectory><TestCaseFilter>Category!=slow</TestCaseFilter><TargetPlatform>x64</TargetPlatform></RunConfiguration>
            </RunSettings>
            """);
        var orchestrator = Document("""
            <RunSettings>
              <RunConfiguration><ResultsDirectory>/results/unit-none_1.r0.a0</ResultsDirectory><TestCaseFilter>Category=unit</TestCaseFilter></RunConfiguration>
            </RunSettings>
            """);

        var (merged, conflicts) = RunSettingsMerge.Merge([(Project, team), (Orchestrator, orchestrator)]);

        var run = merged.Root!.Element("RunConfiguration")!;
        Assert.Equal("/results/unit-none_1.r0.a0", run.Element("ResultsDirectory")!.Value);
        Assert.Equal("Category=unit", run.Element("TestCaseFilter")!.Value);
        Assert.Equal("x64", run.Element("TargetPlatform")!.Value);
        Assert.Equal(
            [new RunSettingsConflict("RunConfiguration/ResultsDirectory", Project, Orchestrator), new RunSettingsConflict("RunConfiguration/TestCaseFilter", Project, Orchestrator)],
            conflicts);
    }

    [Fact]
    public void The_same_collector_in_two_documents_merges_its_configuration_and_reports_a_changed_value()
    {
        var team = Document("""
            <RunSettings><DataCollectionRunSettings><DataCollectors>
              <DataCollector friendlyName="XPlat Code Coverage"><Configuration><Format>opencover</Format><ExcludeByFile>**/Migrations/*.cs</ExcludeByFile></Configuration></DataCollector>
            </DataCollectors></DataCollectionRunSettings></RunSettings>
            """);
        var orchestrator = Document("""
            <RunSettings><DataCollectionRunSettings><DataCollectors>
              <DataCollector friendlyName="xplat code coverage"><Configuration><Format>json,cobertura</Format></Configuration></DataCollector>
            </DataCollectors></DataCollectionRunSettings></RunSettings>
            """);

        var (merged, conflicts) = RunSettingsMerge.Merge([(Project, team), (Orchestrator, orchestrator)]);

        var configuration = merged.Root!.Descendants("DataCollector").Single().Element("Configuration")!;
        Assert.Equal("json,cobertura", configuration.Element("Format")!.Value);
        Assert.Equal("**/Migrations/*.cs", configuration.Element("ExcludeByFile")!.Value);
        var conflict = Assert.Single(conflicts);
        Assert.Equal("DataCollectionRunSettings/DataCollectors/DataCollector[xplat code coverage]/Configuration/Format", conflict.Path);
        Assert.Equal(Project, conflict.Overridden);
    }

    [Fact]
    public void A_project_document_over_a_shared_one_wins_and_is_reported_too()
    {
        const string shared = "/repo/ci.runsettings";
        var sharedDocument = Document("""<RunSettings><TestRunParameters><Parameter name="env" value="ci" /><Parameter name="region" value="eu" /></TestRunParameters></RunSettings>""");
        var projectDocument = Document("""<RunSettings><TestRunParameters><Parameter name="env" value="local" /></TestRunParameters></RunSettings>""");

        var (merged, conflicts) = RunSettingsMerge.Merge([(shared, sharedDocument), (Project, projectDocument)]);

        var parameters = merged.Root!.Descendants("Parameter").ToDictionary(parameter => parameter.Attribute("name")!.Value, parameter => parameter.Attribute("value")!.Value);
        Assert.Equal(new Dictionary<string, string> { ["env"] = "local", ["region"] = "eu" }, parameters);
        Assert.Equal([new RunSettingsConflict("TestRunParameters/Parameter[env]@value", shared, Project)], conflicts);
        // <Parameter ...></Parameter> would make MSTest's reader skip the parameter after it.
        Assert.All(merged.Root.Descendants("Parameter"), parameter => Assert.True(parameter.IsEmpty, parameter.ToString()));
    }

    [Fact]
    public void Equal_values_are_no_conflict()
    {
        var document = Document("<RunSettings><RunConfiguration><MaxCpuCount>1</MaxCpuCount></RunConfiguration></RunSettings>");

        var (_, conflicts) = RunSettingsMerge.Merge([(Project, document), (Orchestrator, new XDocument(document))]);

        Assert.Empty(conflicts);
    }

    [Fact]
    public void Text_that_is_not_xml_is_an_error_naming_the_file_and_the_fix()
    {
        var exception = Assert.Throws<RunSettingsException>(() => RunSettingsMerge.Parse(new RunSettingsLayer(Project, "<RunSettings><RunConfiguration></RunSettings>")));

        Assert.Contains(Project, exception.Message, StringComparison.Ordinal);
        Assert.Contains("not valid XML", exception.Message, StringComparison.Ordinal);
        Assert.Contains("RunSettingsFilePath", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Xml_that_is_not_a_runsettings_document_is_an_error_naming_its_root()
    {
        var exception = Assert.Throws<RunSettingsException>(() => RunSettingsMerge.Parse(new RunSettingsLayer(Project, "<Project Sdk=\"Microsoft.NET.Sdk\" />")));

        Assert.Contains(Project, exception.Message, StringComparison.Ordinal);
        Assert.Contains("<Project>", exception.Message, StringComparison.Ordinal);
    }

    private static XDocument Document(string xml) => RunSettingsMerge.Parse(new RunSettingsLayer("test", xml));
}
