using System.Globalization;

namespace Orchestrator.Cli.Tests.Adoption;

/// <summary>
/// A repository shaped like most real suites, written into a temporary directory: a product library that
/// references Npgsql, an <c>Orders.Tests</c> project that reaches it only through a project reference, whose
/// tests import Npgsql and read their server from ORDERS_DB, and a CI workflow that starts postgres:16 as a
/// service and gives the test step ORDERS_DB. Its test classes each drop and create one database of a fixed name,
/// the same in every class, and one test terminates every other session on the server: the suite runs its tests
/// one at a time, and two of its processes on one server break each other. Nothing in it names a layer or a resource.
/// </summary>
public sealed class OrdersSuite : IDisposable
{
    public const string TestProject = "Orders.Tests";

    /// <summary>The database every one of <see cref="DatabaseClasses"/> drops and creates: the same name in each.</summary>
    public const string FixedDatabase = "orders_fixture";

    /// <summary>The classes whose every test starts from a freshly created <see cref="FixedDatabase"/>.</summary>
    public static readonly IReadOnlyList<string> DatabaseClasses = ["OrderPlacementTests", "OrderCancellationTests", "OrderHistoryTests", "OrderTotalsTests"];

    public const int TestsPerClass = 5;

    /// <summary>The database tests and the one that terminates every other session on the server.</summary>
    public static int TestCount => (DatabaseClasses.Count * TestsPerClass) + 1;

    /// <summary>The full names of the tests, as discovery lists them.</summary>
    public static IEnumerable<string> TestNames =>
        DatabaseClasses
            .SelectMany(testClass => Enumerable.Range(1, TestsPerClass).Select(number => $"Orders.Tests.{testClass}.{DatabaseTestName(number)}"))
            .Append("Orders.Tests.ServerResetTests.Resetting_the_server_closes_every_other_session");

    /// <summary>
    /// What each database test spends in the server: enough that the partition's recorded duration exceeds the default
    /// target of a unit (30 s), so that from the second run on the planner splits it into units that run at once.
    /// </summary>
    public static readonly TimeSpan WorkPerTest = TimeSpan.FromSeconds(1.8);

    public string Root { get; } = Directory.CreateTempSubdirectory("orchestrator-orders-").FullName;

    public string ConfigurationPath => Path.Combine(Root, "orchestrator.json");

    public OrdersSuite()
    {
        var versions = PackageVersions.FromRepository();
        Write("Orders.slnx", $"""
            <Solution>
              <Project Path="src/Orders/Orders.csproj" />
              <Project Path="tests/{TestProject}/{TestProject}.csproj" />
            </Solution>
            """);
        Write("src/Orders/Orders.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup>
              <ItemGroup><PackageReference Include="Npgsql" Version="{versions["Npgsql"]}" /></ItemGroup>
            </Project>
            """);
        Write("src/Orders/OrderStore.cs", """
            using Npgsql;

            namespace Orders;

            public sealed class OrderStore(string connectionString)
            {
                public async Task PlaceAsync(string customer, decimal total)
                {
                    await using var connection = new NpgsqlConnection(connectionString);
                    await connection.OpenAsync();
                    await using var insert = new NpgsqlCommand("INSERT INTO orders (customer, total) VALUES (@customer, @total)", connection);
                    insert.Parameters.AddWithValue("customer", customer);
                    insert.Parameters.AddWithValue("total", total);
                    await insert.ExecuteNonQueryAsync();
                }

                public async Task<long> CountAsync(string? customer = null)
                {
                    await using var connection = new NpgsqlConnection(connectionString);
                    await connection.OpenAsync();
                    await using var count = new NpgsqlCommand("SELECT count(*) FROM orders WHERE @customer::text IS NULL OR customer = @customer", connection);
                    count.Parameters.AddWithValue("customer", (object?)customer ?? DBNull.Value);
                    return (long)(await count.ExecuteScalarAsync())!;
                }
            }
            """);
        Write($"tests/{TestProject}/{TestProject}.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{versions["Microsoft.NET.Test.Sdk"]}" />
                <PackageReference Include="xunit" Version="{versions["xunit"]}" />
                <PackageReference Include="xunit.runner.visualstudio" Version="{versions["xunit.runner.visualstudio"]}" />
                <ProjectReference Include="../../src/Orders/Orders.csproj" />
              </ItemGroup>
            </Project>
            """);
        Write($"tests/{TestProject}/OrdersDatabase.cs", $$"""
            using Npgsql;
            using Xunit;

            [assembly: CollectionBehavior(DisableTestParallelization = true)]

            namespace Orders.Tests;

            /// <summary>Every test starts from a fresh database, always under the same name, on the server ORDERS_DB names.</summary>
            public abstract class OrdersDatabase : IAsyncLifetime
            {
                public const string Name = "{{FixedDatabase}}";

                public static readonly string Server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("ORDERS_DB") ?? "Host=localhost;Username=postgres;Password=postgres;Database=orders") { Pooling = false }.ConnectionString;

                protected static readonly string Orders = new NpgsqlConnectionStringBuilder(Server) { Database = Name }.ConnectionString;

                protected OrderStore Store { get; } = new(Orders);

                public async Task InitializeAsync()
                {
                    await ExecuteAsync(Server, $"DROP DATABASE IF EXISTS {Name}");
                    await ExecuteAsync(Server, $"CREATE DATABASE {Name}");
                    await ExecuteAsync(Orders, "CREATE TABLE orders (id serial PRIMARY KEY, customer text NOT NULL, total numeric NOT NULL)");
                }

                public Task DisposeAsync() => Task.CompletedTask;

                /// <summary>The time a test of this suite spends in the server, without using the machine's processors.</summary>
                protected static Task WorkAsync() => ExecuteAsync(Orders, "SELECT pg_sleep({{WorkPerTest.TotalSeconds.ToString(CultureInfo.InvariantCulture)}})");

                protected static async Task ExecuteAsync(string connectionString, string sql)
                {
                    await using var connection = new NpgsqlConnection(connectionString);
                    await connection.OpenAsync();
                    await using var command = new NpgsqlCommand(sql, connection);
                    await command.ExecuteNonQueryAsync();
                }
            }
            """);
        foreach (var testClass in DatabaseClasses)
        {
            Write($"tests/{TestProject}/{testClass}.cs", $$"""
                using Xunit;

                namespace Orders.Tests;

                public class {{testClass}} : OrdersDatabase
                {
                {{string.Join("\n", Enumerable.Range(1, TestsPerClass).Select(DatabaseTest))}}
                }
                """);
        }
        Write($"tests/{TestProject}/ServerResetTests.cs", """
            using Npgsql;
            using Xunit;

            namespace Orders.Tests;

            public class ServerResetTests
            {
                [Fact]
                public async Task Resetting_the_server_closes_every_other_session()
                {
                    await using var other = new NpgsqlConnection(OrdersDatabase.Server);
                    await other.OpenAsync();
                    await using (var reset = new NpgsqlConnection(OrdersDatabase.Server))
                    {
                        await reset.OpenAsync();
                        await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid()", reset);
                        await terminate.ExecuteNonQueryAsync();
                    }
                    await using var probe = new NpgsqlCommand("SELECT 1", other);
                    await Assert.ThrowsAnyAsync<NpgsqlException>(() => probe.ExecuteScalarAsync());
                }
            }
            """);
        Write(".github/workflows/ci.yml", """
            name: ci
            on: [push, pull_request]
            jobs:
              test:
                runs-on: ubuntu-latest
                services:
                  postgres:
                    image: postgres:16
                    env:
                      POSTGRES_PASSWORD: postgres
                    ports:
                      - 5432:5432
                    options: --health-cmd pg_isready --health-interval 5s
                steps:
                  - uses: actions/checkout@v4
                  - uses: actions/setup-dotnet@v4
                  - name: Test
                    run: dotnet test Orders.slnx
                    env:
                      ORDERS_DB: Host=localhost;Port=5432;Username=postgres;Password=postgres;Database=orders
            """);
        Write(".gitignore", "bin/\nobj/\n");
    }

    private static string DatabaseTest(int number) => $$"""
            [Fact]
            public async Task {{DatabaseTestName(number)}}()
            {
                await Store.PlaceAsync("customer-{{number}}", {{number}}m);
                await WorkAsync();
                Assert.Equal(1, await Store.CountAsync());
                Assert.Equal(1, await Store.CountAsync("customer-{{number}}"));
            }
        """;

    private static string DatabaseTestName(int number) => $"Order_{number}_is_the_only_one_in_a_fresh_database";

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
