using Orchestrator.Adoption;
using Orchestrator.Configuration;
using Xunit;

namespace Orchestrator.Tests.Adoption;

[Trait("Category", "Unit")]
public sealed class StarterConfigurationTests
{
    [Fact]
    public void The_generated_configuration_loads_with_one_rule_per_project_and_only_the_resources_they_use()
    {
        using var repository = new FakeRepository();
        repository.AddProject("tests/Shop.UnitTests", "Shop.UnitTests", "xunit");
        repository.AddProject("tests/Shop.IntegrationTests", "Shop.IntegrationTests", "xunit", "Npgsql", "StackExchange.Redis");
        repository.AddProject("tests/Shop.E2ETests", "Shop.E2ETests", "xunit", "RabbitMQ.Client");
        File.WriteAllText(Path.Combine(repository.Root, "Shop.sln"), "");

        var adoption = RepositoryAdoption.Of(repository.Root);
        var config = ConfigurationLoader.Parse(adoption.ConfigurationJson, Path.Combine(repository.Root, "orchestrator.json"));

        Assert.Equal("Shop.sln", config.Build.Solution);
        Assert.Equal("Release", config.Build.Configuration);
        Assert.Equal(["postgres", "rabbitmq", "redis"], config.Resources.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ResourceKind.Postgres, config.Resources["postgres"].Kind);
        Assert.Contains("{namespace}", config.Resources["postgres"].Variables["ConnectionStrings__Postgres"], StringComparison.Ordinal);
        Assert.Equal(
            [("Shop.E2ETests", "e2e", "rabbitmq"), ("Shop.IntegrationTests", "integration", "postgres,redis"), ("Shop.UnitTests", "unit", "")],
            config.Rules.Select(rule => (rule.Assembly, rule.Layer, string.Join(',', rule.Resources))));
        Assert.All(config.Rules, rule => Assert.False(string.IsNullOrWhiteSpace(rule.Description)));
        using var written = System.Text.Json.JsonDocument.Parse(adoption.ConfigurationJson);
        Assert.False(written.RootElement.TryGetProperty("cadences", out _), "Cadences are written only to leave out a resource init could not complete.");
    }

    [Theory]
    [InlineData("MySqlConnector")]
    [InlineData("MySql.Data")]
    [InlineData("Pomelo.EntityFrameworkCore.MySql")]
    public void A_project_using_a_mysql_client_gets_a_mysql_server_with_a_database_per_unit(string package)
    {
        using var repository = new FakeRepository();
        repository.AddProject("tests/Shop.IntegrationTests", "Shop.IntegrationTests", "xunit", package);

        var adoption = RepositoryAdoption.Of(repository.Root);
        var config = ConfigurationLoader.Parse(adoption.ConfigurationJson, Path.Combine(repository.Root, "orchestrator.json"));

        var mysql = Assert.Single(config.Resources).Value;
        Assert.Equal(ResourceKind.MySql, mysql.Kind);
        Assert.Equal("orchestrator/mysql:local", mysql.Image);
        Assert.Equal([3306], mysql.Ports.AsEnumerable());
        Assert.Equal("{secret}", mysql.Environment["MYSQL_ROOT_PASSWORD"]);
        Assert.Equal("Server={host};Port={port};User ID=root;Password={secret};Database={namespace}", mysql.Variables["ConnectionStrings__MySql"]);
        Assert.Equal(("integration", "mysql"), (config.Rules[0].Layer, string.Join(',', config.Rules[0].Resources)));
    }

    [Fact]
    public void A_resource_is_written_from_the_workflow_service_and_the_variables_the_tests_read()
    {
        using var repository = new FakeRepository();
        repository.Write("src/Orders", "Orders", """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Npgsql" /></ItemGroup></Project>""");
        repository.Write("tests/Orders.Tests", "Orders.Tests", """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="xunit" /><ProjectReference Include="../../src/Orders/Orders.csproj" /></ItemGroup></Project>""");
        repository.WriteFile("tests/Orders.Tests/OrderTests.cs", """
            using Npgsql;

            public class OrderTests
            {
                private static string Orders => System.Environment.GetEnvironmentVariable("ORDERS_DB")!;
                private static string Host => System.Environment.GetEnvironmentVariable("ORDERS_HOST")!;
                private const string Setup = "CREATE DATABASE orders_template";
            }
            """);
        repository.WriteFile(".github/workflows/ci.yml", """
            jobs:
              test:
                services:
                  db:
                    image: postgres:latest
                    env:
                      POSTGRES_PASSWORD: postgres
                      POSTGRES_USER: postgres
                    ports: ["5433:5432"]
                steps:
                  - run: dotnet test
                    env:
                      ORDERS_DB: Host=localhost;Port=5433;Username=postgres;Password=postgres;Database=orders
            """);

        var adoption = RepositoryAdoption.Of(repository.Root);
        var config = ConfigurationLoader.Parse(adoption.ConfigurationJson, Path.Combine(repository.Root, "orchestrator.json"));

        var postgres = config.Resources["postgres"];
        Assert.Equal([5432], postgres.Ports.AsEnumerable());
        Assert.Equal("{secret}", postgres.Environment["POSTGRES_PASSWORD"]);
        Assert.Equal("postgres", postgres.Environment["POSTGRES_USER"]);
        Assert.Equal("Host={host};Port={port};Username=postgres;Password={secret};Database={namespace}", postgres.Variables["ORDERS_DB"]);
        Assert.Equal("{host}", postgres.Variables["ORDERS_HOST"]);
        Assert.Equal(IsolationMode.Dedicated, postgres.Isolation.Mode);
        Assert.Equal(("Orders.Tests", "integration", "postgres"), (config.Rules[0].Assembly, config.Rules[0].Layer, string.Join(',', config.Rules[0].Resources)));
        using var written = System.Text.Json.JsonDocument.Parse(adoption.ConfigurationJson);
        var description = written.RootElement.GetProperty("resources").GetProperty("postgres").GetProperty("description").GetString()!;
        Assert.Contains("The team runs postgres:latest (service 'db' of .github/workflows/ci.yml line 4); it is not pinned (its tag is latest)", description, StringComparison.Ordinal);
        Assert.Contains("ORDERS_DB: read by Orders.Tests (tests/Orders.Tests/OrderTests.cs line 5); its value in .github/workflows/ci.yml line 13 rewritten", description, StringComparison.Ordinal);
        Assert.Contains("CREATE DATABASE orders_template, a fixed database name (tests/Orders.Tests/OrderTests.cs line 7)", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Variables_named_by_constants_are_written_from_the_values_the_code_falls_back_to_and_settings_the_tests_keep_are_left_to_them()
    {
        using var repository = new FakeRepository();
        repository.Write("src/Jobs", "Jobs", """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Npgsql" /></ItemGroup></Project>""");
        repository.Write("tests/Jobs.Tests", "Jobs.Tests", """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="xunit" /><ProjectReference Include="../../src/Jobs/Jobs.csproj" /></ItemGroup></Project>""");
        repository.WriteFile("tests/Jobs.Tests/Connections.cs", """
            using Npgsql;

            public static class Connections
            {
                private const string TemplateVariable = "Jobs_PostgreSql_ConnectionStringTemplate";
                private const string DatabaseVariable = "Jobs_PostgreSql_DatabaseName";
                private const string SchemaVariable = "Jobs_PostgreSql_SchemaName";
                private const string DefaultTemplate = "Server=127.0.0.1;Port=5432;Database=postgres;User Id=postgres;Password=password;Include Error Detail=true";
                public static string Template => System.Environment.GetEnvironmentVariable(TemplateVariable) ?? DefaultTemplate;
                public static string Database => System.Environment.GetEnvironmentVariable(DatabaseVariable) ?? "jobs_tests";
                public static string Schema => System.Environment.GetEnvironmentVariable(SchemaVariable) ?? "jobs";
            }
            """);

        var adoption = RepositoryAdoption.Of(repository.Root);
        var config = ConfigurationLoader.Parse(adoption.ConfigurationJson, Path.Combine(repository.Root, "orchestrator.json"));

        Assert.Equal(
            [
                ("Jobs_PostgreSql_ConnectionStringTemplate", "Server={host};Port={port};Database={namespace};User Id=postgres;Password={secret};Include Error Detail=true"),
                ("Jobs_PostgreSql_DatabaseName", "{namespace}"),
            ],
            config.Resources["postgres"].Variables.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => (pair.Key, pair.Value)));
        Assert.DoesNotContain("No test code was seen reading its connection", adoption.ConfigurationJson, StringComparison.Ordinal);
    }

    private const string FixedPortWorkflow = """
        jobs:
          test:
            services:
              postgres:
                image: postgres:16
                env:
                  POSTGRES_PASSWORD: postgres
                ports:
                  - 5432:5432
        """;

    [Fact]
    public void Tests_that_connect_to_the_fixed_host_port_the_workflow_publishes_through_an_address_in_their_code_get_one_unit_at_a_time_as_a_decision()
    {
        using var repository = new FakeRepository();
        repository.AddProject("tests/Orders.Tests", "Orders.Tests", "xunit", "Npgsql");
        repository.WriteFile("tests/Orders.Tests/OrderTests.cs", """
            using Npgsql;

            public class OrderTests
            {
                private static NpgsqlConnection Open() => new NpgsqlConnection("Host=localhost;Port=5432;Username=postgres;Password=postgres;Database=orders");
            }
            """);
        repository.WriteFile(".github/workflows/ci.yml", FixedPortWorkflow);

        var adoption = RepositoryAdoption.Of(repository.Root);
        var config = ConfigurationLoader.Parse(adoption.ConfigurationJson, Path.Combine(repository.Root, "orchestrator.json"));

        Assert.Equal(1, config.Resources["postgres"].Concurrency);
        var decision = Assert.Single(adoption.Decided);
        Assert.StartsWith("The postgres resource is written with \"concurrency\": 1 (one unit at a time): service 'postgres' of .github/workflows/ci.yml line 4 publishes it on the fixed host port 5432", decision.Decision, StringComparison.Ordinal);
        Assert.Equal(["service 'postgres' of .github/workflows/ci.yml line 4 publishes host port 5432", "localhost:5432 written in tests/Orders.Tests/OrderTests.cs line 5"], decision.Evidence.AsEnumerable());
        Assert.DoesNotContain(adoption.Undecided, note => note.Contains("concurrency", StringComparison.Ordinal));
        using var written = System.Text.Json.JsonDocument.Parse(adoption.ConfigurationJson);
        Assert.Contains($"Concurrency: {decision.Decision} Evidence: {string.Join("; ", decision.Evidence)}.", written.RootElement.GetProperty("resources").GetProperty("postgres").GetProperty("description").GetString()!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""public static string Orders => System.Environment.GetEnvironmentVariable("ORDERS_DB") ?? "Host=localhost;Port=5432;Database=orders";""")]
    [InlineData("""private const string Local = "Host=127.0.0.1;Port=5432;Database=orders"; public static string Orders => System.Environment.GetEnvironmentVariable("ORDERS_DB") ?? Local;""")]
    public void An_address_the_tests_fall_back_to_when_their_variable_is_unset_is_redirected_so_units_still_run_at_once(string member)
    {
        using var repository = new FakeRepository();
        repository.AddProject("tests/Orders.Tests", "Orders.Tests", "xunit", "Npgsql");
        repository.WriteFile("tests/Orders.Tests/OrderTests.cs", $"using Npgsql;\n\npublic class OrderTests\n{{\n    {member}\n}}\n");
        repository.WriteFile(".github/workflows/ci.yml", FixedPortWorkflow);

        var adoption = RepositoryAdoption.Of(repository.Root);
        var config = ConfigurationLoader.Parse(adoption.ConfigurationJson, Path.Combine(repository.Root, "orchestrator.json"));

        Assert.Null(config.Resources["postgres"].Concurrency);
        Assert.Empty(adoption.Decided);
        Assert.Equal("Host={host};Port={port};Database={namespace};Password={secret}", config.Resources["postgres"].Variables["ORDERS_DB"]);
    }

    [Fact]
    public void Tests_that_start_their_own_containers_get_an_external_docker_resource()
    {
        using var repository = new FakeRepository();
        repository.AddProject("tests/Cache.Tests", "Cache.Tests", "xunit", "Testcontainers.Redis", "StackExchange.Redis");
        repository.WriteFile("tests/Cache.Tests/CacheFixture.cs", "using Testcontainers.Redis; public class CacheFixture { private readonly object _redis = new RedisBuilder().Build(); }");

        var adoption = RepositoryAdoption.Of(repository.Root);
        var config = ConfigurationLoader.Parse(adoption.ConfigurationJson, Path.Combine(repository.Root, "orchestrator.json"));

        Assert.Equal(["docker"], config.Resources.Keys);
        Assert.Equal(ResourceKind.External, config.Resources["docker"].Kind);
        Assert.Equal(("integration", "docker"), (config.Rules[0].Layer, string.Join(',', config.Rules[0].Resources)));
        Assert.DoesNotContain(adoption.Undecided, note => note.Contains("tests that start their own containers need a Docker engine", StringComparison.Ordinal));
    }

    [Fact]
    public void A_repository_without_test_projects_still_gets_a_configuration_that_loads()
    {
        using var repository = new FakeRepository();

        var config = ConfigurationLoader.Parse(RepositoryAdoption.Of(repository.Root).ConfigurationJson, "orchestrator.json");

        Assert.Empty(config.Rules);
        Assert.Empty(config.Resources);
    }

    [Fact]
    public void Description_is_accepted_on_the_root_and_on_resources_but_must_be_text()
    {
        const string json = """{ "description": "x", "resources": { "cache": { "kind": "redis", "image": "redis:7", "description": 3 } } }""";

        var invalid = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(json, "orchestrator.json"));

        var error = Assert.Single(invalid.Errors);
        Assert.Equal("$.resources.cache.description", error.Path);
    }
}
