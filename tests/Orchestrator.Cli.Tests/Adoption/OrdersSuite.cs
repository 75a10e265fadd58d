namespace Orchestrator.Cli.Tests.Adoption;

/// <summary>
/// A repository shaped like most real suites, written into a temporary directory: a product library that
/// references Npgsql, an <c>Orders.Tests</c> project that reaches it only through a project reference, whose
/// tests import Npgsql and read their server from ORDERS_DB, and a CI workflow that starts postgres:16 as a
/// service and gives the test step ORDERS_DB. Nothing in it names a layer or a resource.
/// </summary>
public sealed class OrdersSuite : IDisposable
{
    public const string TestProject = "Orders.Tests";

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
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><PackageReference Include="Npgsql" Version="{versions["Npgsql"]}" /></ItemGroup>
            </Project>
            """);
        Write("src/Orders/OrderStore.cs", """
            using Npgsql;

            namespace Orders;

            public sealed class OrderStore(string connectionString)
            {
                public async Task<long> CountAsync()
                {
                    await using var connection = new NpgsqlConnection(connectionString);
                    await connection.OpenAsync();
                    await using var count = new NpgsqlCommand("SELECT count(*) FROM orders", connection);
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
        Write($"tests/{TestProject}/OrderStoreTests.cs", """
            using Npgsql;
            using Xunit;

            namespace Orders.Tests;

            public class OrderStoreTests
            {
                private static readonly string Database = Environment.GetEnvironmentVariable("ORDERS_DB") ?? "Host=localhost;Username=postgres;Password=postgres;Database=orders";

                [Fact]
                public async Task A_new_database_has_no_orders()
                {
                    await using (var connection = new NpgsqlConnection(Database))
                    {
                        await connection.OpenAsync();
                        await using var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS orders (id serial PRIMARY KEY)", connection);
                        await create.ExecuteNonQueryAsync();
                    }
                    Assert.Equal(0, await new OrderStore(Database).CountAsync());
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

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
