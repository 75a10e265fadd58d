using Xunit;

namespace Orchestrator.Cli.Tests.Adoption;

/// <summary>
/// An existing NUnit suite with no categories, generated once outside the repository: ONE project whose
/// two namespaces (Billing.Tests.Ledger, Billing.Tests.Invoices) each create the same Postgres table and
/// count their rows, reading their own variables. The repository adopts the manifest through its
/// Directory.Build.props/targets (the project file is left as it was), and the configuration maps the
/// namespaces to two partitions by rules.
/// </summary>
public sealed class NUnitNamespaceSuite : IAsyncLifetime
{
    public const string Project = "Billing.Tests";
    public const string LedgerTest = "Billing.Tests.Ledger.OrderTableTests.Counts_only_its_own_rows";
    public const string InvoicesTest = "Billing.Tests.Invoices.OrderTableTests.Counts_only_its_own_rows";

    public string Root { get; } = Directory.CreateTempSubdirectory("orchestrator-adoption-nunit-").FullName;

    public string ReportDirectory => Path.Combine(Root, "reports");

    public string ConfigurationPath => Path.Combine(Root, "orchestrator.json");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ReportDirectory);
        var repository = RepositoryPaths.Root();
        var versions = PackageVersions.FromRepository();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        await File.WriteAllTextAsync(Path.Combine(Root, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <OrchestratorTasksAssembly>{Path.Combine(repository, "artifacts", "bin", "Orchestrator.MSBuild", configuration, "Orchestrator.MSBuild.dll")}</OrchestratorTasksAssembly>
                <OrchestratorManifestDirectory>$(MSBuildThisFileDirectory)artifacts/orchestrator/manifests/</OrchestratorManifestDirectory>
              </PropertyGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(Root, "Directory.Build.targets"), $"""
            <Project>
              <Import Project="{Path.Combine(repository, "src", "Orchestrator.MSBuild", "build", "Orchestrator.MSBuild.targets")}" Condition="'$(IsTestProject)' == 'true'" />
            </Project>
            """);
        var directory = Path.Combine(Root, "tests", Project);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, Project + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsPackable>false</IsPackable>
                <IsTestProject>true</IsTestProject>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{versions["Microsoft.NET.Test.Sdk"]}" />
                <PackageReference Include="NUnit" Version="{versions["NUnit"]}" />
                <PackageReference Include="NUnit3TestAdapter" Version="{versions["NUnit3TestAdapter"]}" />
                <PackageReference Include="Npgsql" Version="{versions["Npgsql"]}" />
              </ItemGroup>
            </Project>
            """);
        foreach (var area in new[] { "Ledger", "Invoices" })
        {
            await File.WriteAllTextAsync(Path.Combine(directory, area + ".cs"), TestCode($"{Project}.{area}"));
        }
        await File.WriteAllTextAsync(ConfigurationPath, $$"""
            {
              "layers": ["unit", "integration", "e2e"],
              "cadences": { "pr": { "layers": ["integration", "e2e"], "resources": ["postgres"], "retries": 0 } },
              "resources": {
                "postgres": {
                  "kind": "postgres",
                  "image": "orchestrator/postgres:local",
                  "ports": [5432],
                  "environment": { "POSTGRES_PASSWORD": "{secret}" },
                  "isolation": "shared",
                  "variables": { "BILLING_DB_HOST": "{host}", "BILLING_DB_PORT": "{port}", "BILLING_DB_PASSWORD": "{secret}", "BILLING_DB_NAME": "{namespace}" }
                }
              },
              "testEnvironment": { "FIXTURE_REPORTS": "{{ReportDirectory}}" },
              "rules": [
                { "namespace": "Billing.Tests.Ledger", "layer": "integration", "resources": ["postgres"], "description": "ledger tests talk to the database" },
                { "namespace": "Billing.Tests.Invoices", "layer": "e2e", "resources": ["postgres"], "description": "invoice flows, end to end" }
              ]
            }
            """);
        await FixtureBuild.RunAsync($"fixture {Project}", Root, [directory, "-c", "Release", "-nologo"], TimeSpan.FromMinutes(6));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    private static string TestCode(string ns) => $$"""
        using Npgsql;
        using NUnit.Framework;

        namespace {{ns}};

        public class OrderTableTests
        {
            [Test]
            public async Task Counts_only_its_own_rows()
            {
                static string Read(string name) => Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException(name + " is not set");
                await using var connection = new NpgsqlConnection($"Host={Read("BILLING_DB_HOST")};Port={Read("BILLING_DB_PORT")};Username=postgres;Password={Read("BILLING_DB_PASSWORD")};Database={Read("BILLING_DB_NAME")}");
                await connection.OpenAsync();
                await using (var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS orders (id serial PRIMARY KEY)", connection))
                {
                    await create.ExecuteNonQueryAsync();
                }
                for (var i = 0; i < 3; i++)
                {
                    await using var insert = new NpgsqlCommand("INSERT INTO orders DEFAULT VALUES", connection);
                    await insert.ExecuteNonQueryAsync();
                }
                await using var count = new NpgsqlCommand("SELECT count(*) FROM orders", connection);
                Assert.That((long)(await count.ExecuteScalarAsync())!, Is.EqualTo(3L));
                await using var database = new NpgsqlCommand("SELECT current_database()", connection);
                await File.WriteAllTextAsync(Path.Combine(Read("FIXTURE_REPORTS"), "{{ns}}.database"), (string)(await database.ExecuteScalarAsync())!);
            }
        }
        """;
}
