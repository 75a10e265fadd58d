using Orchestrator.Configuration;
using Xunit;

namespace Orchestrator.Tests.Configuration;

[Trait("Category", "Unit")]
public sealed class CacheConfigurationTests
{
    [Fact]
    public void Commit_and_pr_reuse_passes_by_default_and_nightly_runs_everything()
    {
        var config = ConfigurationLoader.Parse("{}", "orchestrator.json");

        Assert.True(config.Cadences["commit"].UsesCache);
        Assert.True(config.Cadences["pr"].UsesCache);
        Assert.False(config.Cadences["nightly"].UsesCache);
        Assert.Equal(CacheSettings.Default, config.Cache);
    }

    [Fact]
    public void A_cadence_says_whether_it_reuses_and_one_it_names_itself_follows_its_name_otherwise()
    {
        const string json = """
            {
              "cadences": {
                "pr": { "layers": ["*"], "resources": [], "cache": false },
                "commit": { "layers": ["unit"], "resources": [] },
                "weekly": { "layers": ["*"], "resources": [], "cache": true },
                "release": { "layers": ["*"], "resources": [] }
              }
            }
            """;

        var config = ConfigurationLoader.Parse(json, "orchestrator.json");

        Assert.Equal(
            [("commit", true), ("pr", false), ("release", false), ("weekly", true)],
            config.Cadences.Values.OrderBy(cadence => cadence.Name, StringComparer.Ordinal).Select(cadence => (cadence.Name, cadence.UsesCache)));
    }

    [Fact]
    public void The_cache_section_gives_inputs_directory_and_size()
    {
        const string json = """{ "cache": { "inputs": ["tests/data/**", "schema.sql"], "directory": "build/cache", "maxSizeMb": 10 } }""";

        var cache = ConfigurationLoader.Parse(json, "orchestrator.json").Cache;

        Assert.Equal(["tests/data/**", "schema.sql"], cache.Inputs.AsEnumerable());
        Assert.Equal("build/cache", cache.Directory);
        Assert.Equal(10L * 1024 * 1024, cache.MaxBytes);
    }

    [Theory]
    [InlineData("""{ "cache": { "maxSizeMb": 0 } }""", "$.cache.maxSizeMb")]
    [InlineData("""{ "cache": { "inputs": "tests/**" } }""", "$.cache.inputs")]
    [InlineData("""{ "cache": { "size": 3 } }""", "$.cache.size")]
    [InlineData("""{ "cadences": { "pr": { "layers": ["*"], "resources": [], "cache": "yes" } } }""", "$.cadences.pr.cache")]
    public void A_bad_cache_setting_is_an_error_naming_its_path(string json, string path)
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(json, "orchestrator.json"));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
