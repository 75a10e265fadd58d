using Orchestrator.Configuration;
using Xunit;

namespace Orchestrator.Tests.Configuration;

[Trait("Category", "Unit")]
public sealed class TestSettingsConfigurationTests
{
    [Fact]
    public void Test_settings_and_coverage_are_read_as_written()
    {
        const string json = """
            {
              "testSettings": { "runSettings": "ci.runsettings", "loggers": ["GitHubActions", "console;verbosity=normal"], "collectors": ["blame"] },
              "coverage": { "include": ["[Shop]*"], "exclude": ["[*]Shop.Storage.*"], "excludeByAttribute": ["GeneratedCode"] }
            }
            """;

        var configuration = ConfigurationLoader.Parse(json, "/repo/orchestrator.json");

        Assert.Equal("ci.runsettings", configuration.TestSettings.RunSettings);
        Assert.Equal<string>(["GitHubActions", "console;verbosity=normal"], configuration.TestSettings.Loggers);
        Assert.Equal<string>(["blame"], configuration.TestSettings.Collectors);
        Assert.True(configuration.Coverage.Enabled, "a coverage section without 'enabled' turns coverage on");
        Assert.Equal<string>(["[Shop]*"], configuration.Coverage.Include);
        Assert.Equal<string>(["[*]Shop.Storage.*"], configuration.Coverage.Exclude);
        Assert.Equal<string>(["GeneratedCode"], configuration.Coverage.ExcludeByAttribute);
    }

    [Fact]
    public void Without_the_sections_no_settings_are_added_and_coverage_is_off()
    {
        var configuration = ConfigurationLoader.Parse("{}", "/repo/orchestrator.json");

        Assert.Null(configuration.TestSettings.RunSettings);
        Assert.Empty(configuration.TestSettings.Loggers);
        Assert.Empty(configuration.TestSettings.Collectors);
        Assert.False(configuration.Coverage.Enabled);
    }

    [Fact]
    public void Coverage_can_be_configured_but_left_off()
    {
        var configuration = ConfigurationLoader.Parse("""{ "coverage": { "enabled": false, "include": ["[Shop]*"] } }""", "/repo/orchestrator.json");

        Assert.False(configuration.Coverage.Enabled);
        Assert.Equal<string>(["[Shop]*"], configuration.Coverage.Include);
    }
}
