using System.Xml.Linq;
using Orchestrator.Execution.Settings;
using Xunit;

namespace Orchestrator.Tests.Execution.Settings;

[Trait("Category", "Unit")]
public sealed class PlatformRunSettingsTests
{
    private const string Shared = "/repo/ci.runsettings";
    private const string Project = "/repo/tests/Orders.Tests/orders.runsettings";

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

        var (xml, conflicts) = PlatformRunSettings.Merge([shared, project])!.Value;

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
    public void Without_team_files_there_is_nothing_to_pass()
    {
        Assert.Null(PlatformRunSettings.Merge([]));
    }

    [Fact]
    public void A_file_that_is_not_runsettings_is_an_error_naming_it()
    {
        var exception = Assert.Throws<RunSettingsException>(() => PlatformRunSettings.Merge([new RunSettingsLayer(Project, "<Settings />")]));

        Assert.Contains(Project, exception.Message, StringComparison.Ordinal);
    }
}
