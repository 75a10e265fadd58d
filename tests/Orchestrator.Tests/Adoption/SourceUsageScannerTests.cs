using Orchestrator.Adoption;
using Xunit;

namespace Orchestrator.Tests.Adoption;

[Trait("Category", "Unit")]
public sealed class SourceUsageScannerTests
{
    [Fact]
    public void Client_namespaces_and_the_variables_and_configuration_keys_the_code_reads_are_found_with_their_lines()
    {
        using var repository = new FakeRepository();
        repository.WriteFile("tests/Orders.Tests/OrderStoreTests.cs", """
            using Npgsql;
            using StackExchange.Redis;
            using Xunit;

            public class OrderStoreTests
            {
                private static string Orders => System.Environment.GetEnvironmentVariable("ORDERS_DB")!;
                private static string Cache(Microsoft.Extensions.Configuration.IConfiguration configuration) => configuration["ConnectionStrings:Redis"]!;
                private static string Queue(Microsoft.Extensions.Configuration.IConfiguration settings) => settings.GetConnectionString("Queue")!;
            }
            """);

        var usage = SourceUsageScanner.Scan(Path.Combine(repository.Root, "tests/Orders.Tests"), repository.Root);

        Assert.Equal(["postgres", "redis"], usage.Clients.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("using Npgsql (tests/Orders.Tests/OrderStoreTests.cs line 1)", usage.Clients["postgres"]);
        Assert.Equal(
            [("ORDERS_DB", "tests/Orders.Tests/OrderStoreTests.cs line 7"), ("ConnectionStrings__Redis", "tests/Orders.Tests/OrderStoreTests.cs line 8"), ("ConnectionStrings__Queue", "tests/Orders.Tests/OrderStoreTests.cs line 9")],
            usage.Reads.Select(read => (read.Variable, read.Origin)));
        Assert.Empty(usage.Containers);
        Assert.Empty(usage.ServerWide);
    }

    [Fact]
    public void A_variable_named_by_a_constant_is_found_with_the_value_the_code_falls_back_to()
    {
        using var repository = new FakeRepository();
        repository.WriteFile("tests/Jobs.Tests/Settings.cs", """
            public static class Settings
            {
                public const string TemplateVariable = "JOBS_PG_TEMPLATE";
                private const string SchemaVariable = "JobsSchemaName";
                private const string DefaultTemplate = @"Server=127.0.0.1;Port=5432;Database=postgres;User Id=postgres;Password=password";
            }
            """);
        repository.WriteFile("tests/Jobs.Tests/Connections.cs", """
            public static class Connections
            {
                public static string Template => System.Environment.GetEnvironmentVariable(Settings.TemplateVariable)
                    ?? Settings.DefaultTemplate;
                public static string Schema => System.Environment.GetEnvironmentVariable(SchemaVariable) ?? "jobs";
                public static string Unknown => System.Environment.GetEnvironmentVariable(NotAConstant) ?? Compute();
            }
            """);

        var usage = SourceUsageScanner.Scan(Path.Combine(repository.Root, "tests/Jobs.Tests"), repository.Root);

        Assert.Equal(
            [("JOBS_PG_TEMPLATE", "Server=127.0.0.1;Port=5432;Database=postgres;User Id=postgres;Password=password", 3), ("JobsSchemaName", "jobs", 5)],
            usage.Reads.Select(read => (read.Variable, read.Fallback, read.Line)));
    }

    [Fact]
    public void Connections_the_code_opens_are_found_and_mocked_client_interfaces_open_none()
    {
        using var repository = new FakeRepository();
        repository.WriteFile("tests/Bus.Tests/QueueTests.cs", """
            using Moq;
            using StackExchange.Redis;
            using Npgsql;

            public class QueueTests
            {
                private readonly Mock<IDatabase> _db = new();
                private static NpgsqlConnection Open(string text) => new NpgsqlConnection(text);
            }
            """);

        var usage = SourceUsageScanner.Scan(Path.Combine(repository.Root, "tests/Bus.Tests"), repository.Root);

        Assert.Equal(["postgres", "redis"], usage.Clients.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([("postgres", "new NpgsqlConnection (tests/Bus.Tests/QueueTests.cs line 8)")], usage.Connections.Select(pair => (pair.Key, pair.Value)));
    }

    [Fact]
    public void Testcontainers_builders_and_fixed_host_ports_are_found()
    {
        using var repository = new FakeRepository();
        repository.WriteFile("tests/Cache.Tests/CacheFixture.cs", """
            using Testcontainers.Redis;
            using Testcontainers.PostgreSql;

            public class CacheFixture
            {
                private readonly object _redis = new RedisBuilder().WithPortBinding(6380, 6379).Build();
                private readonly object _postgres = new PostgreSqlBuilder().WithPortBinding(5432, true).Build();
                private readonly System.Text.StringBuilder _log = new StringBuilder();
            }
            """);

        var usage = SourceUsageScanner.Scan(Path.Combine(repository.Root, "tests/Cache.Tests"), repository.Root);

        Assert.Equal([("RedisBuilder", "redis"), ("PostgreSqlBuilder", "postgres")], usage.Containers.Select(start => (start.Builder, start.Resource!)));
        var port = Assert.Single(usage.FixedPorts);
        Assert.Equal((6380, 6), (port.Port, port.Line));
    }

    [Fact]
    public void Fixed_database_names_and_server_wide_operations_are_found_per_resource()
    {
        using var repository = new FakeRepository();
        repository.WriteFile("tests/Ledger.Tests/Reset.cs", """
            public static class Reset
            {
                public const string Create = "CREATE DATABASE ledger_test";
                public const string Kick = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity";
                public const string Flush = "FLUSHALL";
                public static string PerTest(string name) => $"CREATE DATABASE {name}";
            }
            """);

        var usage = SourceUsageScanner.Scan(Path.Combine(repository.Root, "tests/Ledger.Tests"), repository.Root);

        Assert.Equal(
            [("postgres", 3, "CREATE DATABASE ledger_test, a fixed database name"), ("postgres", 4, "pg_terminate_backend, which ends sessions of every database"), ("redis", 5, "FLUSHALL, which empties every database of the server")],
            usage.ServerWide.Select(use => (use.Resource, use.Line, use.What)));
    }
}
