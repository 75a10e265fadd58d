using Orchestrator.Configuration;
using Xunit;

namespace Orchestrator.Tests.Configuration;

[Trait("Category", "Unit")]
public sealed class KindDefaultsTests
{
    [Fact]
    public void A_postgres_resource_without_a_password_gets_the_runs_secret_and_its_protocol_port()
    {
        var resource = Read("""{ "kind": "postgres", "image": "postgres:16" }""");

        Assert.Equal("{secret}", resource.Environment["POSTGRES_PASSWORD"]);
        Assert.Equal([5432], resource.Ports.AsEnumerable());
    }

    [Fact]
    public void A_postgres_resource_that_trusts_its_clients_or_sets_a_password_keeps_its_own_environment()
    {
        var trusting = Read("""{ "kind": "postgres", "image": "postgres:16", "ports": [6543], "environment": { "POSTGRES_HOST_AUTH_METHOD": "trust" } }""");
        var ownPassword = Read("""{ "kind": "postgres", "image": "postgres:16", "environment": { "POSTGRES_PASSWORD": "pw" } }""");

        Assert.False(trusting.Environment.ContainsKey("POSTGRES_PASSWORD"));
        Assert.Equal([6543], trusting.Ports.AsEnumerable());
        Assert.Equal("pw", ownPassword.Environment["POSTGRES_PASSWORD"]);
    }

    [Fact]
    public void A_rabbitmq_resource_without_a_user_gets_one_that_may_connect_from_outside_the_container()
    {
        var resource = Read("""{ "kind": "rabbitmq", "image": "rabbitmq:3" }""");

        Assert.Equal("orchestrator", resource.Environment["RABBITMQ_DEFAULT_USER"]);
        Assert.Equal("{secret}", resource.Environment["RABBITMQ_DEFAULT_PASS"]);
        Assert.Equal([5672], resource.Ports.AsEnumerable());
    }

    [Fact]
    public void A_mysql_resource_without_a_password_gets_the_runs_secret_for_root_and_its_protocol_port()
    {
        var resource = Read("""{ "kind": "mysql", "image": "mariadb:11" }""");
        var ownPassword = Read("""{ "kind": "mysql", "image": "mariadb:11", "environment": { "MARIADB_ROOT_PASSWORD": "pw" } }""");

        Assert.Equal("{secret}", resource.Environment["MYSQL_ROOT_PASSWORD"]);
        Assert.Equal([3306], resource.Ports.AsEnumerable());
        Assert.Equal(ResourceKind.MySql, resource.Kind);
        Assert.Equal("pw", Assert.Single(ownPassword.Environment).Value);
    }

    [Fact]
    public void Generic_and_external_resources_get_nothing_they_did_not_ask_for()
    {
        var generic = Read("""{ "image": "nats:2" }""");
        var external = Read("""{ "kind": "external" }""");

        Assert.Empty(generic.Environment);
        Assert.Empty(generic.Ports);
        Assert.Empty(external.Ports);
    }

    [Theory]
    [InlineData("postgres", IsolationMode.Dedicated)]
    [InlineData("redis", IsolationMode.Dedicated)]
    [InlineData("mysql", IsolationMode.Dedicated)]
    [InlineData("rabbitmq", IsolationMode.Shared)]
    [InlineData("generic", IsolationMode.Shared)]
    public void Units_running_at_once_get_a_server_of_their_own_where_it_starts_in_seconds_unless_the_resource_says_otherwise(string kind, IsolationMode expected)
    {
        var unspecified = Read($$"""{ "kind": "{{kind}}", "image": "x:1" }""");
        var shared = Read($$"""{ "kind": "{{kind}}", "image": "x:1", "isolation": "shared" }""");

        Assert.Equal(expected, unspecified.Isolation.Mode);
        Assert.Equal(IsolationMode.Shared, shared.Isolation.Mode);
    }

    [Fact]
    public void A_variable_whose_password_is_not_the_servers_stops_validation_naming_the_variable_and_the_fix()
    {
        const string resource = """
            { "kind": "postgres", "image": "postgres:16",
              "variables": { "ORDERS_DB": "Host={host};Port={port};Username=postgres;Password=postgres;Database={namespace}",
                             "GOOD_DB": "Host={host};Port={port};Password={secret};Database={namespace}" } }
            """;

        var error = Assert.Throws<ConfigurationException>(() => Read(resource)).Errors.Single();

        Assert.Equal("$.resources.db.variables.ORDERS_DB", error.Path);
        Assert.Contains("'postgres'", error.Message, StringComparison.Ordinal);
        Assert.Contains("POSTGRES_PASSWORD is '{secret}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Password={secret}", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mysql_variable_whose_password_is_not_the_servers_stops_validation_too()
    {
        const string resource = """
            { "kind": "mysql", "image": "mariadb:11",
              "variables": { "SHOP_DB": "Server={host};Port={port};User ID=root;Password=root;Database={namespace}" } }
            """;

        var error = Assert.Throws<ConfigurationException>(() => Read(resource)).Errors.Single();

        Assert.Equal("$.resources.db.variables.SHOP_DB", error.Path);
        Assert.Contains("MySQL resource 'db'", error.Message, StringComparison.Ordinal);
        Assert.Contains("MYSQL_ROOT_PASSWORD is '{secret}'", error.Message, StringComparison.Ordinal);
    }

    private static ResourceDefinition Read(string resource) =>
        ConfigurationLoader.Parse($$"""{ "resources": { "db": {{resource}} } }""", "orchestrator.json").Resources["db"];
}
