using System.Text.Json.Nodes;
using Xunit;

namespace Orchestrator.Cli.Tests.Adoption;

/// <summary>
/// An existing xunit suite with no traits, generated once in a temporary directory outside the
/// repository: two test projects that read their own variables (APP_DB_HOST, APP_DB_PORT,
/// APP_DB_PASSWORD, APP_DB_NAME), each creating the same table in Postgres and counting its own rows
/// (they would collide in one database). Each test writes the database it used into a file named after
/// its project under <see cref="ReportDirectory"/>. The projects import the manifest targets.
/// </summary>
public sealed class UntaggedPostgresSuite : IAsyncLifetime
{
    public const string IntegrationProject = "Shop.IntegrationTests";
    public const string EndToEndProject = "Shop.E2ETests";
    public const string IntegrationTest = "Shop.IntegrationTests.OrderTableTests.Counts_only_its_own_rows";
    public const string EndToEndTest = "Shop.E2ETests.OrderTableTests.Counts_only_its_own_rows";

    private static readonly TimeSpan _buildTimeout = TimeSpan.FromMinutes(6);

    public string Root { get; } = Directory.CreateTempSubdirectory("orchestrator-adoption-").FullName;

    public string ReportDirectory => Path.Combine(Root, "reports");

    public string ConfigurationPath => Path.Combine(Root, "orchestrator.json");

    private Task<string>? _adopted;

    /// <summary>
    /// Once per fixture: <c>orchestrator init</c> on the suite, then the edits its descriptions ask for:
    /// the postgres variables renamed to what the tests read, a pr cadence running both layers, and the
    /// report directory passed to the tests. Returns the init output.
    /// </summary>
    public Task<string> AdoptAsync() => _adopted ??= AdoptCoreAsync();

    private async Task<string> AdoptCoreAsync()
    {
        var init = await ToolProcess.RunAsync(["init", "--path", Root], TimeSpan.FromMinutes(1));
        if (init.ExitCode != 0)
        {
            throw new InvalidOperationException($"orchestrator init failed (exit code {init.ExitCode}):\n{init.StandardOutput}\n{init.StandardError}");
        }
        var config = JsonNode.Parse(await File.ReadAllTextAsync(ConfigurationPath))!.AsObject();
        config["resources"]!["postgres"]!["variables"] = new JsonObject
        {
            ["APP_DB_HOST"] = "{host}",
            ["APP_DB_PORT"] = "{port}",
            ["APP_DB_PASSWORD"] = "{secret}",
            ["APP_DB_NAME"] = "{namespace}",
        };
        config["cadences"] = new JsonObject
        {
            ["pr"] = new JsonObject { ["layers"] = new JsonArray("integration", "e2e"), ["resources"] = new JsonArray("postgres"), ["retries"] = 0 },
        };
        config["testEnvironment"] = new JsonObject { ["FIXTURE_REPORTS"] = ReportDirectory };
        await File.WriteAllTextAsync(ConfigurationPath, config.ToJsonString());
        return init.StandardOutput;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ReportDirectory);
        var repository = RepositoryPaths.Root();
        var versions = PackageVersions.FromRepository();
        foreach (var project in new[] { IntegrationProject, EndToEndProject })
        {
            WriteProject(project, versions, repository);
        }
        // Sequential: two builds at once restore into the same caches and compete for two cores.
        foreach (var project in new[] { IntegrationProject, EndToEndProject })
        {
            await FixtureBuild.RunAsync($"fixture {project}", Root, [Path.Combine(Root, "tests", project), "-c", "Release", "-nologo"], _buildTimeout);
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    private void WriteProject(string project, IReadOnlyDictionary<string, string> versions, string repository)
    {
        var directory = Path.Combine(Root, "tests", project);
        Directory.CreateDirectory(directory);
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var tasks = Path.Combine(repository, "artifacts", "bin", "Orchestrator.MSBuild", configuration, "Orchestrator.MSBuild.dll");
        var targets = Path.Combine(repository, "src", "Orchestrator.MSBuild", "build", "Orchestrator.MSBuild.targets");
        File.WriteAllText(Path.Combine(directory, project + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsPackable>false</IsPackable>
                <IsTestProject>true</IsTestProject>
                <Nullable>enable</Nullable>
                <OrchestratorTasksAssembly>{tasks}</OrchestratorTasksAssembly>
                <OrchestratorManifestDirectory>{Path.Combine(Root, "artifacts", "orchestrator", "manifests")}/</OrchestratorManifestDirectory>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{versions["Microsoft.NET.Test.Sdk"]}" />
                <PackageReference Include="xunit" Version="{versions["xunit"]}" />
                <PackageReference Include="xunit.runner.visualstudio" Version="{versions["xunit.runner.visualstudio"]}" />
                <PackageReference Include="Npgsql" Version="{versions["Npgsql"]}" />
              </ItemGroup>
              <Import Project="{targets}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "OrderTableTests.cs"), $$"""
            using Npgsql;
            using Xunit;

            namespace {{project}};

            public class OrderTableTests
            {
                [Fact]
                public async System.Threading.Tasks.Task Counts_only_its_own_rows()
                {
                    string Read(string name) => System.Environment.GetEnvironmentVariable(name) ?? throw new System.InvalidOperationException(name + " is not set");
                    var connectionString = $"Host={Read("APP_DB_HOST")};Port={Read("APP_DB_PORT")};Username=postgres;Password={Read("APP_DB_PASSWORD")};Database={Read("APP_DB_NAME")}";
                    await using var connection = new NpgsqlConnection(connectionString);
                    await connection.OpenAsync();
                    await using (var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS orders (id serial PRIMARY KEY, project text NOT NULL)", connection))
                    {
                        await create.ExecuteNonQueryAsync();
                    }
                    for (var i = 0; i < 3; i++)
                    {
                        await using var insert = new NpgsqlCommand("INSERT INTO orders (project) VALUES (@project)", connection);
                        insert.Parameters.AddWithValue("project", "{{project}}");
                        await insert.ExecuteNonQueryAsync();
                    }
                    await using var count = new NpgsqlCommand("SELECT count(*) FROM orders", connection);
                    Assert.Equal(3L, (long)(await count.ExecuteScalarAsync())!);
                    await using var database = new NpgsqlCommand("SELECT current_database()", connection);
                    await System.IO.File.WriteAllTextAsync(System.IO.Path.Combine(Read("FIXTURE_REPORTS"), "{{project}}.database"), (string)(await database.ExecuteScalarAsync())!);
                }
            }
            """);
    }
}
