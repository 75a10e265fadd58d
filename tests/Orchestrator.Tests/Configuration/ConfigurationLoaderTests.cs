using System.Text.Json;
using Orchestrator.Configuration;
using Xunit;

namespace Orchestrator.Tests.Configuration;

[Trait("Category", "Unit")]
public sealed class ConfigurationLoaderTests
{
    [Fact]
    public void An_empty_file_gives_the_defaults_and_the_commit_pr_nightly_cadences()
    {
        var config = ConfigurationLoader.Parse("{}", "orchestrator.json");

        Assert.Equal(["unit", "integration", "e2e"], config.Layers.AsEnumerable());
        Assert.Equal("unit", config.DefaultLayer);
        Assert.Equal(["commit", "nightly", "pr"], config.Cadences.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(config.Cadences["commit"].Resources);
        Assert.Equal(["unit", "integration"], config.Cadences["commit"].Layers.AsEnumerable());
        Assert.Equal(TimeoutSettings.Default, config.Timeouts);
        Assert.False(config.Execution.SharedVsTestConsole);
        Assert.Equal("orchestrator.json", config.SourcePath);
    }

    [Fact]
    public void Execution_on_shared_vstest_consoles_is_read_from_the_execution_section()
    {
        var config = ConfigurationLoader.Parse("""{ "execution": { "sharedVsTestConsole": true } }""", "orchestrator.json");

        Assert.True(config.Execution.SharedVsTestConsole);
    }

    [Fact]
    public void Default_cadences_allow_every_declared_resource_on_pr_and_nightly()
    {
        const string json = """{ "resources": { "cache": { "kind": "redis", "image": "redis:7" } } }""";

        var config = ConfigurationLoader.Parse(json, "orchestrator.json");

        Assert.Equal(["cache"], config.Cadences["pr"].Resources.AsEnumerable());
        Assert.Equal(["cache"], config.Cadences["nightly"].Resources.AsEnumerable());
        Assert.Empty(config.Cadences["commit"].Resources);
    }

    [Fact]
    public void Durations_are_read_as_seconds_and_values_map_onto_the_records()
    {
        const string json = """
            {
              // comments and trailing commas are fine
              "timeouts": { "testHangSeconds": 90, "unitSeconds": 600.5, "readinessSeconds": 15 },
              "parallelism": { "maxParallelUnits": 3, "targetUnitSeconds": 45 },
              "resources": {
                "db": {
                  "kind": "postgres", "image": "pg:15", "build": "images/pg", "ports": [5432, 8080],
                  "isolation": { "mode": "dedicated", "setup": ["createdb {namespace}"] },
                  "readiness": { "kind": "http", "httpPath": "/health", "port": 8080, "intervalSeconds": 0.25 },
                  "variables": { "DB": "Host={host};Port={port:8080}" },
                },
              },
              "cadences": { "ci": { "layers": ["*"], "resources": ["*"], "repeat": 3, "retries": 2, "quarantine": ["A.*"] } },
              "rules": [ { "namespace": "App.Db*", "layer": "integration", "resources": ["db"] } ],
            }
            """;

        var config = ConfigurationLoader.Parse(json, "orchestrator.json");

        Assert.Equal(new TimeoutSettings(TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(600.5), TimeSpan.FromSeconds(15)), config.Timeouts);
        Assert.Equal(3, config.Parallelism.MaxParallelUnits);
        Assert.Equal(TimeSpan.FromSeconds(45), config.Parallelism.TargetUnitDuration);
        var db = config.Resources["db"];
        Assert.Equal(ResourceKind.Postgres, db.Kind);
        Assert.Equal("images/pg", db.Build?.Context);
        Assert.Equal(IsolationMode.Dedicated, db.Isolation.Mode);
        Assert.Equal(ProbeKind.Http, db.Readiness.Kind);
        Assert.Equal(TimeSpan.FromMilliseconds(250), db.Readiness.Interval);
        var ci = config.Cadences["ci"];
        Assert.Equal(["unit", "integration", "e2e"], ci.Layers.AsEnumerable());
        Assert.Equal(["db"], ci.Resources.AsEnumerable());
        Assert.Equal((3, 2), (ci.Repeat, ci.Retries));
        Assert.Equal("integration", config.Rules.Single().Layer);
    }

    [Fact]
    public void The_repository_configuration_keeps_the_sample_contract()
    {
        var path = ConfigurationLoader.FindDefault(AppContext.BaseDirectory);
        Assert.NotNull(path);

        var config = ConfigurationLoader.Load(path);

        Assert.Equal("Host={host};Port={port};Username=postgres;Password={secret};Database={namespace}", config.Resources["postgres"].Variables["ConnectionStrings__Postgres"]);
        Assert.Equal("{host}:{port},password={secret},defaultDatabase={namespace},abortConnect=false", config.Resources["redis"].Variables["ConnectionStrings__Redis"]);
        Assert.Equal("amqp://orchestrator:{secret}@{host}:{port}/{namespace}", config.Resources["rabbitmq"].Variables["ConnectionStrings__RabbitMq"]);
        Assert.Equal("{secret}", config.Resources["rabbitmq"].Environment["RABBITMQ_DEFAULT_PASS"]);
        Assert.False(config.Resources["docker"].IsContainer);
        Assert.Empty(config.Cadences["commit"].Resources);
        Assert.Equal(["chromium", "docker", "node", "postgres", "rabbitmq", "redis"], config.Cadences["pr"].Resources.Order(StringComparer.Ordinal));
        Assert.Equal((2, 2), (config.Cadences["nightly"].Repeat, config.Cadences["nightly"].Retries));
        Assert.Equal(["unit", "integration", "e2e"], config.Cadences["nightly"].Layers.AsEnumerable());
    }

    [Fact]
    public void A_misspelt_key_is_reported_with_its_path_line_and_the_nearest_known_key()
    {
        const string json = "{\n  \"timeouts\": {\n    \"testHangSecond\": 30\n  }\n}";

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(json, "orchestrator.json")).Errors.Single();

        Assert.Equal("$.timeouts.testHangSecond", error.Path);
        Assert.Equal(3, error.Line);
        Assert.Contains("'testHangSeconds'", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignored_projects_are_read_and_must_be_names()
    {
        var config = ConfigurationLoader.Parse("""{ "ignoreProjects": ["Legacy.Tests", "Spikes.Tests"] }""", "orchestrator.json");
        Assert.Equal(["Legacy.Tests", "Spikes.Tests"], config.IgnoreProjects.ToArray());

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse("""{ "ignoreProjects": "Legacy.Tests" }""", "orchestrator.json")).Errors.Single();
        Assert.Equal("$.ignoreProjects", error.Path);
    }

    [Fact]
    public void Every_error_is_reported_at_once_each_at_its_own_line()
    {
        const string json = """
            {
              "layers": ["unit", "integration"],
              "flakyFailsBuild": "yes",
              "timeouts": { "unitSeconds": -5 },
              "resources": {
                "db": { "kind": "postgres", "ports": [5432], "variables": { "CS": "Host={hots};Port={port}" } },
                "queue": { "kind": "rabbitmq", "image": "rabbitmq:3" }
              },
              "cadences": {
                "commit": { "layers": ["unit", "e2e"], "resources": ["cache"] }
              }
            }
            """;

        var errors = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(json, "orchestrator.json")).Errors;

        var byPath = errors.ToDictionary(error => error.Path);
        Assert.Equal(3, byPath["$.flakyFailsBuild"].Line);
        Assert.Equal(4, byPath["$.timeouts.unitSeconds"].Line);
        Assert.Contains("greater than zero", byPath["$.timeouts.unitSeconds"].Message, StringComparison.Ordinal);
        Assert.Equal(6, byPath["$.resources.db"].Line);
        Assert.Contains("no image", byPath["$.resources.db"].Message, StringComparison.Ordinal);
        Assert.Contains("{hots}", byPath["$.resources.db.variables.CS"].Message, StringComparison.Ordinal);
        Assert.Contains("{host}", byPath["$.resources.db.variables.CS"].Fix, StringComparison.Ordinal);
        Assert.Equal(10, byPath["$.cadences.commit.layers[1]"].Line);
        Assert.Equal(10, byPath["$.cadences.commit.resources[0]"].Line);
        Assert.Equal(6, errors.Count);
        Assert.Equal(errors.OrderBy(error => error.Line).Select(error => error.Path), errors.Select(error => error.Path));
    }

    [Fact]
    public void The_exception_message_lists_every_error_and_how_to_fix_it()
    {
        const string json = """{ "defaultLayer": "units", "parallelism": { "maxContainers": 0 } }""";

        var exception = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(json, "/repo/orchestrator.json"));

        Assert.Equal(2, exception.Errors.Count);
        Assert.Contains("/repo/orchestrator.json is invalid (2 errors)", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'unit'?", exception.Message, StringComparison.Ordinal);
        Assert.Contains("$.parallelism.maxContainers", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "resources": { "s": { "kind": "generic", "image": "x", "variables": { "A": "{port}" } } } }""", "$.resources.s.variables.A", "lists no \"ports\"")]
    [InlineData("""{ "resources": { "s": { "kind": "generic", "image": "x", "ports": [1], "variables": { "A": "{port:2}" } } } }""", "$.resources.s.variables.A", "does not publish")]
    [InlineData("""{ "resources": { "s": { "kind": "generic", "image": "x", "environment": { "A": "{secret" } } } }""", "$.resources.s.environment.A", "Unclosed")]
    [InlineData("""{ "resources": { "s": { "kind": "postgress", "image": "x" } } }""", "$.resources.s.kind", "'postgres'")]
    [InlineData("""{ "resources": { "s": { "kind": "external", "image": "x" } } }""", "$.resources.s.image", "external")]
    [InlineData("""{ "resources": { "s": { "image": "x", "readiness": { "kind": "exec" } } } }""", "$.resources.s.readiness", "needs a command")]
    [InlineData("""{ "resources": { "Bad Name": { "image": "x" } } }""", "$.resources['Bad Name']", "'badname'")]
    [InlineData("""{ "cadences": { "x": { "layers": ["unit"] } } }""", "$.cadences.x", "Missing key 'resources'")]
    [InlineData("""{ "cadences": { "x": { "layers": ["unit"], "resources": [], "retries": 1.5 } } }""", "$.cadences.x.retries", "whole number")]
    [InlineData("""{ "rules": [ { "layer": "unit" } ] }""", "$.rules[0]", "matches nothing")]
    [InlineData("""{ "rules": [ { "test": "*Db*", "layer": "integraton" } ] }""", "$.rules[0].layer", "'integration'")]
    [InlineData("""{ "layers": [] }""", "$.layers", "At least one layer")]
    [InlineData("""{ "solution": 3 }""", "$.solution", "Expected a string")]
    [InlineData("""{ "traits": { "layer": "" } }""", "$.traits.layer", "non-empty")]
    [InlineData("""{ "timeouts": { "readinessSeconds": "60" } }""", "$.timeouts.readinessSeconds", "number of seconds")]
    [InlineData("""{ "timeouts": {}, "timeouts": {} }""", "$.timeouts", "twice")]
    [InlineData("[1]", "$", "Expected an object")]
    [InlineData("""{ "testSettings": { "runSetings": "ci.runsettings" } }""", "$.testSettings.runSetings", "'runSettings'")]
    [InlineData("""{ "testSettings": { "runSettings": "ci.json" } }""", "$.testSettings.runSettings", "not a .runsettings file")]
    [InlineData("""{ "testSettings": { "loggers": ["trx;LogFileName=x.trx"] } }""", "$.testSettings.loggers[0]", "writes a TRX file for every unit")]
    [InlineData("""{ "testSettings": { "collectors": ["XPlat Code Coverage"] } }""", "$.testSettings.collectors[0]", "\"coverage\"")]
    [InlineData("""{ "coverage": { "include": ["Shop.*"] } }""", "$.coverage.include[0]", "[assembly]type")]
    [InlineData("""{ "coverage": { "enabled": "yes" } }""", "$.coverage.enabled", "true or false")]
    public void Each_kind_of_mistake_is_reported_precisely(string json, string path, string expected)
    {
        var errors = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(json, "orchestrator.json")).Errors;

        Assert.Contains(errors, error => error.Path == path && (error.Message + " " + error.Fix).Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Malformed_json_is_reported_with_its_line()
    {
        const string json = "{\n  \"layers\": [\"unit\"\n  \"defaultLayer\": \"unit\"\n}";

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(json, "orchestrator.json")).Errors.Single();

        Assert.Equal(3, error.Line);
        Assert.StartsWith("Not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_a_configuration_error_that_says_how_to_create_one()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "orchestrator.json");

        var exception = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(path));

        Assert.Contains("Create orchestrator.json", exception.Errors.Single().Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_file_is_found_in_the_nearest_parent_directory()
    {
        var root = Directory.CreateTempSubdirectory("orchestrator-config-");
        try
        {
            var nested = Directory.CreateDirectory(Path.Combine(root.FullName, "src", "deep"));
            File.WriteAllText(Path.Combine(root.FullName, ConfigurationLoader.FileName), "{}");

            var found = ConfigurationLoader.FindDefault(nested.FullName);

            Assert.Equal(Path.Combine(root.FullName, ConfigurationLoader.FileName), found);
            Assert.Equal(found, ConfigurationLoader.Load(found!).SourcePath);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void Relative_paths_are_read_from_the_configuration_file_directory()
    {
        var config = ConfigurationLoader.Parse("""{ "solution": "App.sln" }""", "/repo/sub/orchestrator.json");

        Assert.Equal("/repo/sub/App.sln", ConfigurationPaths.Resolve(config, config.Solution!));
        Assert.Equal("/repo/eng/images/pg", ConfigurationPaths.Resolve(config, "../eng/images/pg"));
    }

    [Fact]
    public void Comments_and_trailing_commas_are_accepted_and_the_schema_and_the_README_say_so()
    {
        const string json = """
            {
              /* a block comment */
              "defaultLayer": "integration", // a line comment
              "layers": ["unit", "integration",],
            }
            """;

        Assert.Equal("integration", ConfigurationLoader.Parse(json, "orchestrator.json").DefaultLayer);
        var repository = Path.GetDirectoryName(ConfigurationLoader.FindDefault(AppContext.BaseDirectory))!;
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(repository, "eng", "schema", "orchestrator.schema.json")));
        Assert.Contains("comments and trailing commas", schema.RootElement.GetProperty("description").GetString(), StringComparison.Ordinal);
        var readme = File.ReadAllText(Path.Combine(repository, "README.md"));
        var configuration = readme[readme.IndexOf("## Configuration", StringComparison.Ordinal)..];
        Assert.Contains("comments and trailing commas are accepted", configuration[..configuration.IndexOf("```", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public void The_schema_declares_exactly_the_keys_the_loader_accepts()
    {
        var repository = Path.GetDirectoryName(ConfigurationLoader.FindDefault(AppContext.BaseDirectory))!;
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(repository, "eng", "schema", "orchestrator.schema.json")));
        var root = schema.RootElement;
        var definitions = root.GetProperty("$defs");
        var resource = definitions.GetProperty("resource").GetProperty("properties");

        AssertKeys(ConfigurationKeys.Root, root.GetProperty("properties"));
        AssertKeys(ConfigurationKeys.Traits, root.GetProperty("properties").GetProperty("traits").GetProperty("properties"));
        AssertKeys(ConfigurationKeys.Parallelism, root.GetProperty("properties").GetProperty("parallelism").GetProperty("properties"));
        AssertKeys(ConfigurationKeys.Timeouts, root.GetProperty("properties").GetProperty("timeouts").GetProperty("properties"));
        AssertKeys(ConfigurationKeys.Execution, root.GetProperty("properties").GetProperty("execution").GetProperty("properties"));
        AssertKeys(ConfigurationKeys.Cadence, definitions.GetProperty("cadence").GetProperty("properties"));
        AssertKeys(ConfigurationKeys.Rule, definitions.GetProperty("rule").GetProperty("properties"));
        AssertKeys(ConfigurationKeys.SolutionBuild, root.GetProperty("properties").GetProperty("build").GetProperty("properties"));
        AssertKeys(ConfigurationKeys.TestSettings, root.GetProperty("properties").GetProperty("testSettings").GetProperty("properties"));
        AssertKeys(ConfigurationKeys.Coverage, root.GetProperty("properties").GetProperty("coverage").GetProperty("properties"));
        var history = root.GetProperty("properties").GetProperty("history").GetProperty("properties");
        AssertKeys(ConfigurationKeys.History, history);
        AssertKeys(ConfigurationKeys.HistoryRetention, history.GetProperty("retention").GetProperty("properties"));
        AssertKeys(ConfigurationKeys.HistoryPostgres.Remove("connectionString"), history.GetProperty("postgres").GetProperty("properties"));
        AssertKeys(ConfigurationKeys.Resource, resource);
        AssertKeys(ConfigurationKeys.Readiness, resource.GetProperty("readiness").GetProperty("properties"));
        AssertKeys(ConfigurationKeys.Build, resource.GetProperty("build").GetProperty("oneOf")[1].GetProperty("properties"));
        AssertKeys(ConfigurationKeys.Isolation, resource.GetProperty("isolation").GetProperty("oneOf")[1].GetProperty("properties"));
        Assert.Equal(
            ConfigurationKeys.ResourceKinds.Keys.Order(StringComparer.Ordinal),
            resource.GetProperty("kind").GetProperty("enum").EnumerateArray().Select(value => value.GetString()!).Order(StringComparer.Ordinal));
    }

    private static void AssertKeys(IEnumerable<string> expected, JsonElement properties) =>
        Assert.Equal(
            expected.Order(StringComparer.Ordinal),
            properties.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
}
