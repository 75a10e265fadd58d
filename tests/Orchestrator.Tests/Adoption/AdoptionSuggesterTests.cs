using System.Collections.Immutable;
using Orchestrator.Adoption;
using Xunit;

namespace Orchestrator.Tests.Adoption;

[Trait("Category", "Unit")]
public sealed class AdoptionSuggesterTests
{
    [Theory]
    [InlineData("Shop.IntegrationTests", "integration")]
    [InlineData("Shop.IntegrationTest", "integration")]
    [InlineData("Shop.Tests.Integration", "integration")]
    [InlineData("Shop.Integration.Tests", "integration")]
    [InlineData("Shop.E2E.Tests", "e2e")]
    [InlineData("Shop.EndToEndTests", "e2e")]
    [InlineData("Shop.UnitTests", "unit")]
    [InlineData("Shop.Tests.Unit", "unit")]
    [InlineData("Shop.Tests", "unit")]
    public void The_layer_follows_the_project_name(string name, string layer)
    {
        Assert.Equal(layer, AdoptionSuggester.LayerOf(name).Layer);
    }

    [Fact]
    public void A_project_in_an_integration_folder_is_integration()
    {
        Assert.Equal(("integration", "it lies in a folder named Integration"), AdoptionSuggester.LayerOf("Shop.Tests", "tests/Integration/Shop.Tests/Shop.Tests.csproj"));
        Assert.Equal("unit", AdoptionSuggester.LayerOf("Shop.Tests", "tests/Shop.Tests/Shop.Tests.csproj").Layer);
    }

    [Fact]
    public void A_tests_project_whose_code_uses_a_client_reached_through_a_project_reference_is_integration_with_that_resource()
    {
        var project = new TestProject
        {
            Name = "Orders.Tests",
            RelativePath = "tests/Orders.Tests/Orders.Tests.csproj",
            Reached = [Direct("xunit"), new PackageReach("Npgsql", ["Orders"])],
            Usage = new SourceUsage { Clients = ImmutableDictionary.Create<string, string>().Add("postgres", "using Npgsql (tests/Orders.Tests/OrderTests.cs line 1)") },
        };

        var suggestion = AdoptionSuggester.Suggest(project);

        Assert.Equal("integration", suggestion.Layer);
        Assert.Equal(["postgres"], suggestion.Resources.AsEnumerable());
        Assert.Contains("so integration (the unit layer runs without resources)", suggestion.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(suggestion.Undecided, note => note.Contains("gets no resource", StringComparison.Ordinal));
    }

    [Fact]
    public void A_unit_tests_project_that_reads_a_connection_variable_is_integration_with_the_resource_it_reaches()
    {
        var project = new TestProject
        {
            Name = "Orders.UnitTests",
            RelativePath = "tests/Orders.UnitTests/Orders.UnitTests.csproj",
            Reached = [new PackageReach("Npgsql", ["Orders"])],
            Usage = new SourceUsage { Reads = [new VariableRead("ORDERS_DB", "tests/Orders.UnitTests/StoreTests.cs", 9)] },
        };

        var suggestion = AdoptionSuggester.Suggest(project);

        Assert.Equal(("integration", "postgres"), (suggestion.Layer, string.Join(',', suggestion.Resources)));
    }

    [Fact]
    public void Tests_that_start_their_own_containers_get_the_docker_resource_instead_of_the_server_they_start()
    {
        var project = new TestProject
        {
            Name = "Cache.Tests",
            RelativePath = "tests/Cache.Tests/Cache.Tests.csproj",
            Reached = [Direct("StackExchange.Redis"), Direct("Npgsql"), Direct("Testcontainers.Redis")],
            Usage = new SourceUsage
            {
                Containers = [new ContainerStart("RedisBuilder", "redis", "tests/Cache.Tests/CacheFixture.cs", 6)],
                FixedPorts = [new FixedHostPort(6380, "tests/Cache.Tests/CacheFixture.cs", 6)],
            },
        };

        var suggestion = AdoptionSuggester.Suggest(project);

        Assert.Equal(("integration", "postgres,docker"), (suggestion.Layer, string.Join(',', suggestion.Resources)));
        Assert.Contains("new RedisBuilder() (tests/Cache.Tests/CacheFixture.cs line 6)", suggestion.Reason, StringComparison.Ordinal);
        Assert.Contains("instead of redis", suggestion.Reason, StringComparison.Ordinal);
        Assert.Contains(suggestion.Undecided, note => note.StartsWith("Cache.Tests: its tests bind a fixed host port 6380 (tests/Cache.Tests/CacheFixture.cs line 6)", StringComparison.Ordinal));
    }

    [Fact]
    public void Tests_that_reach_beyond_their_database_get_a_dedicated_server_as_a_decision_with_each_piece_of_evidence_not_as_an_open_question()
    {
        var project = new TestProject
        {
            Name = "Ledger.IntegrationTests",
            RelativePath = "tests/Ledger.IntegrationTests/Ledger.IntegrationTests.csproj",
            Reached = [Direct("Npgsql")],
            Usage = new SourceUsage
            {
                ServerWide =
                [
                    new ServerWideUse("postgres", "pg_terminate_backend, which ends sessions of every database", "tests/Ledger.IntegrationTests/Reset.cs", 4),
                    new ServerWideUse("postgres", "CREATE DATABASE ledger_fixture, a fixed database name", "tests/Ledger.IntegrationTests/Fixtures/LedgerDatabaseFixture.cs", 17),
                ],
            },
        };

        var suggestion = AdoptionSuggester.Suggest(project);

        Assert.Empty(suggestion.Undecided);
        var decision = Assert.Single(suggestion.Decided);
        Assert.Contains("\"isolation\": \"dedicated\"", decision.Decision, StringComparison.Ordinal);
        Assert.Equal(
            ["pg_terminate_backend, which ends sessions of every database (tests/Ledger.IntegrationTests/Reset.cs line 4)", "CREATE DATABASE ledger_fixture, a fixed database name (tests/Ledger.IntegrationTests/Fixtures/LedgerDatabaseFixture.cs line 17)"],
            decision.Evidence.AsEnumerable());
    }

    [Fact]
    public void Client_packages_give_the_resources_they_talk_to()
    {
        var project = new TestProject
        {
            Name = "Shop.IntegrationTests",
            RelativePath = "tests/Shop.IntegrationTests/Shop.IntegrationTests.csproj",
            Packages = ["xunit", "Npgsql.EntityFrameworkCore.PostgreSQL", "RabbitMQ.Client", "StackExchange.Redis"],
            Reached = [Direct("xunit"), Direct("Npgsql.EntityFrameworkCore.PostgreSQL"), Direct("RabbitMQ.Client"), Direct("StackExchange.Redis")],
        };

        var suggestion = AdoptionSuggester.Suggest(project);

        Assert.Equal("integration", suggestion.Layer);
        Assert.Equal(["postgres", "redis", "rabbitmq"], suggestion.Resources.AsEnumerable());
        Assert.Contains("Npgsql.EntityFrameworkCore.PostgreSQL for postgres", suggestion.Reason, StringComparison.Ordinal);
        Assert.Empty(suggestion.Undecided);
    }

    [Fact]
    public void A_project_without_client_packages_needs_no_resource()
    {
        var project = new TestProject { Name = "Shop.Tests", RelativePath = "Shop.Tests.csproj", Packages = ["xunit"], Reached = [Direct("xunit")] };

        var suggestion = AdoptionSuggester.Suggest(project);

        Assert.Empty(suggestion.Resources);
        Assert.Contains(suggestion.Undecided, note => note.Contains("'unit' assumed", StringComparison.Ordinal));
    }

    [Fact]
    public void Tests_that_name_their_resources_in_traits_get_a_rule_without_resources()
    {
        var project = new TestProject
        {
            Name = "Shop.IntegrationTests",
            RelativePath = "tests/Shop.IntegrationTests/Shop.IntegrationTests.csproj",
            Reached = [new PackageReach("Npgsql", ["Shop"])],
            Traits = new SourceTraits { Layers = Set("Integration"), Resources = Set("Postgres", "docker") },
        };

        var suggestion = AdoptionSuggester.Suggest(project);

        Assert.Empty(suggestion.Resources);
        Assert.Equal(["docker", "postgres"], suggestion.TraitResources.AsEnumerable());
        Assert.Contains("Resource traits (docker, postgres)", suggestion.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_test_project_reaching_a_client_only_through_a_reference_gets_no_resource_and_says_so()
    {
        var project = new TestProject
        {
            Name = "Shop.UnitTests",
            RelativePath = "tests/Shop.UnitTests/Shop.UnitTests.csproj",
            Reached = [new PackageReach("Npgsql", ["Shop"])],
        };

        var suggestion = AdoptionSuggester.Suggest(project);

        Assert.Empty(suggestion.Resources);
        var note = Assert.Single(suggestion.Undecided);
        Assert.Contains("Npgsql (through Shop) for postgres only through project references", note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_named_unit_whose_code_imports_a_client_only_to_mock_it_stays_unit_without_a_resource()
    {
        var project = RedisBusUnitProject(new SourceUsage { Clients = _importsRedis });

        var suggestion = AdoptionSuggester.Suggest(project);

        Assert.Equal("unit", suggestion.Layer);
        Assert.Empty(suggestion.Resources);
        Assert.Contains(suggestion.Undecided, note => note.Contains("imports the client (using StackExchange.Redis (tests/Bus.Redis.Tests.Unit/QueueTests.cs line 3)) but opens no connection", StringComparison.Ordinal));
        Assert.DoesNotContain(suggestion.Undecided, note => note.Contains("neither its name nor a Category trait", StringComparison.Ordinal));
    }

    [Fact]
    public void A_project_named_unit_whose_code_opens_a_connection_gets_the_resource_and_the_integration_layer()
    {
        var project = RedisBusUnitProject(new SourceUsage
        {
            Clients = _importsRedis,
            Connections = ImmutableDictionary.Create<string, string>().Add("redis", "ConnectionMultiplexer.Connect (tests/Bus.Redis.Tests.Unit/QueueTests.cs line 9)"),
        });

        var suggestion = AdoptionSuggester.Suggest(project);

        Assert.Equal(("integration", "redis"), (suggestion.Layer, string.Join(',', suggestion.Resources)));
    }

    private static readonly ImmutableDictionary<string, string> _importsRedis =
        ImmutableDictionary.Create<string, string>().Add("redis", "using StackExchange.Redis (tests/Bus.Redis.Tests.Unit/QueueTests.cs line 3)");

    private static TestProject RedisBusUnitProject(SourceUsage usage) => new()
    {
        Name = "Bus.Redis.Tests.Unit",
        RelativePath = "tests/Bus.Redis.Tests.Unit/Bus.Redis.Tests.Unit.csproj",
        Reached = [new PackageReach("StackExchange.Redis", ["Bus.Redis"])],
        Usage = usage,
    };

    [Fact]
    public void An_integration_project_reaching_a_client_through_references_gets_it_and_asks_to_check()
    {
        var project = new TestProject
        {
            Name = "Shop.IntegrationTests",
            RelativePath = "tests/Shop.IntegrationTests/Shop.IntegrationTests.csproj",
            Reached = [new PackageReach("Npgsql", ["Shop.Testing", "Shop"]), new PackageReach("Testcontainers", ["Shop.Testing"])],
        };

        var suggestion = AdoptionSuggester.Suggest(project);

        Assert.Equal(["postgres"], suggestion.Resources.AsEnumerable());
        Assert.Contains(suggestion.Undecided, note => note.Contains("Npgsql (through Shop.Testing → Shop)", StringComparison.Ordinal));
        Assert.Equal("Testcontainers", suggestion.ContainerPackage?.Package);
    }

    [Fact]
    public void Category_values_that_name_no_layer_are_reported()
    {
        var project = new TestProject
        {
            Name = "Shop.Tests",
            RelativePath = "Shop.Tests.csproj",
            Traits = new SourceTraits { Layers = Set("Slow", "Unit"), Unreadable = 2 },
        };

        var undecided = AdoptionSuggester.Suggest(project).Undecided;

        Assert.Contains(undecided, note => note.Contains("Category values Slow name no layer", StringComparison.Ordinal));
        Assert.Contains(undecided, note => note.Contains("2 trait attribute(s) with non-literal arguments", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Marten", "postgres")]
    [InlineData("Microsoft.Extensions.Caching.StackExchangeRedis", "redis")]
    [InlineData("MassTransit.RabbitMQ", "rabbitmq")]
    [InlineData("EasyNetQ", "rabbitmq")]
    [InlineData("NServiceBus.RabbitMQ", "rabbitmq")]
    public void Well_known_packages_built_on_a_client_give_its_resource(string package, string resource)
    {
        var project = new TestProject { Name = "Shop.IntegrationTests", RelativePath = "Shop.IntegrationTests.csproj", Reached = [Direct("xunit"), Direct(package)] };

        var suggestion = AdoptionSuggester.Suggest(project);

        Assert.Equal([resource], suggestion.Resources.AsEnumerable());
        Assert.Contains($"{package} for {resource}", suggestion.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Npgsql", "Npgsql.EntityFrameworkCore.PostgreSQL", true)]
    [InlineData("Oracle.ManagedDataAccess", "Oracle.ManagedDataAccess.Core", true)]
    [InlineData("EasyNetQ", "easynetq", true)]
    [InlineData("NEST", "Nestor", false)]
    [InlineData("MySql.Data", "MySql.DataTools", false)]
    public void A_client_covers_packages_that_continue_its_name_after_a_dot(string client, string package, bool matches)
    {
        Assert.Equal(matches, new ClientPackage(client, "any").Matches(package));
    }

    [Theory]
    [InlineData("Microsoft.Data.SqlClient", "sqlserver")]
    [InlineData("System.Data.SqlClient", "sqlserver")]
    [InlineData("Microsoft.EntityFrameworkCore.SqlServer", "sqlserver")]
    [InlineData("Oracle.ManagedDataAccess.Core", "oracle")]
    [InlineData("Oracle.EntityFrameworkCore", "oracle")]
    [InlineData("MongoDB.Driver", "mongodb")]
    [InlineData("Confluent.Kafka", "kafka")]
    [InlineData("CassandraCSharpDriver", "cassandra")]
    public void A_client_of_a_server_init_cannot_start_gives_a_resource_named_for_the_server_and_says_so(string package, string resource)
    {
        var project = new TestProject { Name = "Shop.IntegrationTests", RelativePath = "Shop.IntegrationTests.csproj", Reached = [Direct("xunit"), Direct(package)] };

        var suggestion = AdoptionSuggester.Suggest(project);

        Assert.Equal([resource], suggestion.Resources.AsEnumerable());
        var note = Assert.Single(suggestion.Undecided);
        Assert.Contains($"reaches {package} for {resource}, for which init has no container definition", note, StringComparison.Ordinal);
        Assert.Contains("which no written cadence allows, so every cadence leaves these tests out", note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_test_project_referencing_a_client_of_a_server_init_cannot_start_gets_that_server_as_integration()
    {
        var project = new TestProject
        {
            Name = "Shop.UnitTests",
            RelativePath = "tests/Shop.UnitTests/Shop.UnitTests.csproj",
            Reached = [Direct("xunit"), Direct("Microsoft.Data.SqlClient"), new PackageReach("Npgsql", ["Shop"])],
        };

        var suggestion = AdoptionSuggester.Suggest(project);

        Assert.Equal("integration", suggestion.Layer);
        Assert.Equal(["postgres", "sqlserver"], suggestion.Resources.AsEnumerable());
    }

    [Fact]
    public void A_unit_test_project_reaching_such_a_client_only_through_a_reference_or_package_gets_no_resource_and_says_so()
    {
        var project = new TestProject
        {
            Name = "Shop.UnitTests",
            RelativePath = "tests/Shop.UnitTests/Shop.UnitTests.csproj",
            Reached = [new PackageReach("Microsoft.Data.SqlClient", ["Shop", PackageReach.PackageStep("Hangfire.Core")])],
        };

        var suggestion = AdoptionSuggester.Suggest(project);

        Assert.Empty(suggestion.Resources);
        var note = Assert.Single(suggestion.Undecided);
        Assert.Contains("Microsoft.Data.SqlClient (through Shop → NuGet package Hangfire.Core) for sqlserver only through project references or other packages", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Resource_traits_that_do_not_name_a_server_init_cannot_start_leave_it_to_the_rule_for_tests_without_a_trait()
    {
        var project = new TestProject
        {
            Name = "Shop.IntegrationTests",
            RelativePath = "tests/Shop.IntegrationTests/Shop.IntegrationTests.csproj",
            Reached = [Direct("Npgsql"), Direct("MongoDB.Driver")],
            Traits = new SourceTraits { Layers = Set("Integration"), Resources = Set("postgres") },
        };

        var suggestion = AdoptionSuggester.Suggest(project);

        Assert.Equal(["mongodb"], suggestion.Resources.AsEnumerable());
        Assert.Equal(["postgres"], suggestion.TraitResources.AsEnumerable());
        Assert.Contains("so the rule gives mongodb to its tests without a Resource trait", suggestion.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_closest_client_package_of_a_resource_is_the_one_named()
    {
        var project = new TestProject
        {
            Name = "Shop.IntegrationTests",
            RelativePath = "Shop.IntegrationTests.csproj",
            Reached = [Direct("Marten"), new PackageReach("Npgsql", [PackageReach.PackageStep("Marten")])],
        };

        var suggestion = AdoptionSuggester.Suggest(project);

        Assert.Equal("Marten", Assert.Single(suggestion.Clients).Reach.Package);
        Assert.Empty(suggestion.Undecided);
    }

    private static PackageReach Direct(string package) => new(package, []);

    private static ImmutableSortedSet<string> Set(params string[] values) => ImmutableSortedSet.CreateRange(StringComparer.OrdinalIgnoreCase, values);
}
