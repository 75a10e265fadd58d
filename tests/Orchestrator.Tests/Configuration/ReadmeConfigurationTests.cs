using Orchestrator.Configuration;
using Xunit;

namespace Orchestrator.Tests.Configuration;

/// <summary>The configuration the README shows is one a reader can copy: it loads as written.</summary>
[Trait("Category", "Unit")]
public sealed class ReadmeConfigurationTests
{
    [Fact]
    public void The_configuration_block_of_the_readme_is_valid_as_written()
    {
        var readme = Path.Combine(RepositoryPaths.Root(), "README.md");
        var text = File.ReadAllText(readme);
        var section = text.IndexOf("## Configuration", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no '## Configuration' section");
        var start = text.IndexOf("```json\n{", section, StringComparison.Ordinal) + "```json\n".Length;
        var end = text.IndexOf("\n```", start, StringComparison.Ordinal);

        var configuration = ConfigurationLoader.Parse(text[start..end], readme);

        Assert.Equal(["commit", "nightly", "pr"], configuration.Cadences.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, configuration.Cadences["nightly"].Repeat);
        Assert.Equal("ci.runsettings", configuration.TestSettings.RunSettings);
        Assert.False(configuration.Coverage.Enabled);
    }
}
