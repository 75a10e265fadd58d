using System.Xml.Linq;
using Orchestrator.Execution.Settings;
using Xunit;

namespace Orchestrator.Tests.Execution.Settings;

[Trait("Category", "Unit")]
public sealed class PlatformRunSettingsTests
{
    private const string Shared = "/repo/ci.runsettings";
    private const string Project = "/repo/tests/Orders.Tests/orders.runsettings";
    private static readonly IReadOnlySet<string> s_none = new HashSet<string>();

    [Fact]
    public void The_project_file_wins_over_the_shared_one_and_the_elements_the_orchestrator_decides_are_left_out_naming_each_file()
    {
        var shared = new RunSettingsLayer(Shared, """
            <RunSettings>
              <RunConfiguration><ResultsDirectory>./TestResults</ResultsDirectory><TestCaseFilter>Category!=slow</TestCaseFilter><EnvironmentVariables><MODE>ci</MODE></EnvironmentVariables></RunConfiguration>
              <TestRunParameters><Parameter name="orders" value="shared" /><Parameter name="region" value="shared" /></TestRunParameters>
            </RunSettings>
            """);
        var project = new RunSettingsLayer(Project, """
            <RunSettings>
              <RunConfiguration><TestCaseFilter>Category=fast</TestCaseFilter></RunConfiguration>
              <TestRunParameters><Parameter name="orders" value="project" /></TestRunParameters>
              <NUnit><NumberOfTestWorkers>1</NumberOfTestWorkers></NUnit>
            </RunSettings>
            """);

        var (xml, conflicts) = PlatformRunSettings.Merge([shared, project], s_none)!.Value;

        var root = XDocument.Parse(xml).Root!;
        var parameters = root.Element("TestRunParameters")!.Elements("Parameter").ToDictionary(parameter => (string)parameter.Attribute("name")!, parameter => (string)parameter.Attribute("value")!);
        Assert.Equal(new Dictionary<string, string> { ["orders"] = "project", ["region"] = "shared" }, parameters);
        Assert.Equal("1", root.Element("NUnit")!.Element("NumberOfTestWorkers")!.Value);
        var run = root.Element("RunConfiguration")!;
        Assert.Equal(["EnvironmentVariables"], run.Elements().Select(element => element.Name.LocalName));
        Assert.Equal(
            [
                new RunSettingsConflict("RunConfiguration/ResultsDirectory", Shared, "the orchestrator"),
                new RunSettingsConflict("RunConfiguration/TestCaseFilter", Shared, "the orchestrator"),
                new RunSettingsConflict("RunConfiguration/TestCaseFilter", Project, "the orchestrator"),
                new RunSettingsConflict("TestRunParameters/Parameter[orders]@value", Shared, Project),
            ],
            conflicts.OrderBy(conflict => conflict.Path, StringComparer.Ordinal).ThenBy(conflict => conflict.Overridden, StringComparer.Ordinal));
    }

    [Fact]
    public void A_variable_the_orchestrator_sets_in_every_unit_is_left_out_of_the_files_naming_each_and_the_others_stay()
    {
        var shared = new RunSettingsLayer(Shared, """
            <RunSettings><RunConfiguration><EnvironmentVariables><ConnectionStrings__Orders>Host=localhost</ConnectionStrings__Orders><MODE>ci</MODE></EnvironmentVariables></RunConfiguration></RunSettings>
            """);
        var project = new RunSettingsLayer(Project, """
            <RunSettings><RunConfiguration><EnvironmentVariables><ConnectionStrings__Orders>Host=db</ConnectionStrings__Orders></EnvironmentVariables></RunConfiguration></RunSettings>
            """);

        var (xml, conflicts) = PlatformRunSettings.Merge([shared, project], new HashSet<string> { "ConnectionStrings__Orders" })!.Value;

        var variables = XDocument.Parse(xml).Root!.Element("RunConfiguration")!.Element("EnvironmentVariables")!.Elements();
        Assert.Equal([("MODE", "ci")], variables.Select(variable => (variable.Name.LocalName, variable.Value)));
        Assert.Equal(
            [
                new RunSettingsConflict("RunConfiguration/EnvironmentVariables/ConnectionStrings__Orders", Shared, "the orchestrator"),
                new RunSettingsConflict("RunConfiguration/EnvironmentVariables/ConnectionStrings__Orders", Project, "the orchestrator"),
            ],
            conflicts.Where(conflict => conflict.Winner == "the orchestrator").OrderBy(conflict => conflict.Overridden, StringComparer.Ordinal));
    }

    [Fact]
    public void Without_team_files_there_is_nothing_to_pass()
    {
        Assert.Null(PlatformRunSettings.Merge([], s_none));
    }

    [Fact]
    public void A_file_that_is_not_runsettings_is_an_error_naming_it()
    {
        var exception = Assert.Throws<RunSettingsException>(() => PlatformRunSettings.Merge([new RunSettingsLayer(Project, "<Settings />")], s_none));

        Assert.Contains(Project, exception.Message, StringComparison.Ordinal);
    }
}
