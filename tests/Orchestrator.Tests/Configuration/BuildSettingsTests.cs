using Orchestrator.Configuration;
using Xunit;

namespace Orchestrator.Tests.Configuration;

[Trait("Category", "Unit")]
public sealed class BuildSettingsTests
{
    [Fact]
    public void The_build_section_gives_the_solution_configuration_and_properties()
    {
        const string json = """
            { "build": { "solution": "src/App.sln", "configuration": "Debug", "properties": { "DefineConstants": "CI;LINUX", "Flavor": "ci" } } }
            """;

        var build = ConfigurationLoader.Parse(json, "orchestrator.json").Build;

        Assert.Equal("src/App.sln", build.Solution);
        Assert.Equal("Debug", build.Configuration);
        Assert.Equal("CI;LINUX", build.Properties["defineconstants"]);
        Assert.Equal("ci", build.Properties["Flavor"]);
    }

    [Fact]
    public void Without_a_build_section_the_root_solution_is_built_in_Release()
    {
        var build = ConfigurationLoader.Parse("""{ "solution": "Shop.sln" }""", "orchestrator.json").Build;

        Assert.Equal("Shop.sln", build.Solution);
        Assert.Equal("Release", build.Configuration);
        Assert.Empty(build.Properties);
    }

    [Fact]
    public void Every_mistake_in_the_build_section_is_reported_with_its_path()
    {
        const string json = """
            {
              "solution": "A.sln",
              "build": {
                "solution": "src/B.sln",
                "configuraton": "Debug",
                "properties": {
                  "Configuration": "Debug",
                  "Bad Name": "x",
                  "OrchestratorManifestDirectory": "out",
                  "Count": 3
                }
              }
            }
            """;

        var invalid = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(json, "orchestrator.json"));

        Assert.Equal(
            [
                "$.build.configuraton",
                "$.build.properties.Configuration",
                "$.build.properties.Count",
                "$.build.properties.OrchestratorManifestDirectory",
                "$.build.properties['Bad Name']",
                "$.build.solution",
            ],
            invalid.Errors.Select(error => error.Path).Order(StringComparer.Ordinal));
        Assert.Contains(invalid.Errors, error => error.Path == "$.build.configuraton" && error.Fix!.Contains("'configuration'", StringComparison.Ordinal));
        Assert.Contains(invalid.Errors, error => error.Path == "$.build.properties.Configuration" && error.Fix!.Contains("\"configuration\"", StringComparison.Ordinal));
        Assert.Contains(invalid.Errors, error => error.Path == "$.build.solution" && error.Message.Contains("given twice", StringComparison.Ordinal));
    }

    [Fact]
    public void A_solution_that_names_no_solution_or_project_file_is_an_error()
    {
        var invalid = Assert.Throws<ConfigurationException>(
            () => ConfigurationLoader.Parse("""{ "build": { "solution": "src/App" } }""", "orchestrator.json"));

        var error = Assert.Single(invalid.Errors);
        Assert.Equal("$.build.solution", error.Path);
        Assert.Contains(".slnx", error.Fix, StringComparison.Ordinal);
    }
}
