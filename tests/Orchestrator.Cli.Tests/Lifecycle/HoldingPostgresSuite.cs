using System.Text.Json.Nodes;
using Orchestrator.Cli.Tests.Adoption;
using Xunit;

namespace Orchestrator.Cli.Tests.Lifecycle;

/// <summary>
/// A small xunit suite on Postgres, built once in a temporary directory outside the repository, whose
/// run can be stopped at a known point: two quick tests (one passes, one fails with its connection string,
/// secret included, in the message, as a careless test might) and one slow test that queries Postgres,
/// writes <see cref="SlowStartedMarker"/> and then holds until the file named by <c>LIFECYCLE_RELEASE</c>
/// exists (at most ten minutes). Every test gets its own workspace (<see cref="CreateWorkspace"/>): its
/// configuration, manifests, state directory and markers, so runs never share a directory.
/// </summary>
public sealed class HoldingPostgresSuite : IAsyncLifetime
{
    public const string Project = "Lifecycle.Fixture";
    public const string QuickTest = "Lifecycle.Fixture.QuickTests.Queries_postgres";
    public const string CarelessTest = "Lifecycle.Fixture.QuickTests.Fails_showing_its_connection_string";
    public const string SlowTest = "Lifecycle.Fixture.SlowTests.Holds_until_released";
    public const string SlowStartedMarker = "slow.started";

    private static readonly TimeSpan _buildTimeout = TimeSpan.FromMinutes(8);

    public string Root { get; } = Directory.CreateTempSubdirectory("orchestrator-lifecycle-suite-").FullName;

    private string ManifestDirectory => Path.Combine(Root, "manifests");

    public async Task InitializeAsync()
    {
        var repository = RepositoryPaths.Root();
        var versions = PackageVersions.FromRepository();
        var directory = Path.Combine(Root, Project);
        Directory.CreateDirectory(directory);
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var tasks = Path.Combine(repository, "artifacts", "bin", "Orchestrator.MSBuild", configuration, "Orchestrator.MSBuild.dll");
        var targets = Path.Combine(repository, "src", "Orchestrator.MSBuild", "build", "Orchestrator.MSBuild.targets");
        await File.WriteAllTextAsync(Path.Combine(directory, Project + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsPackable>false</IsPackable>
                <IsTestProject>true</IsTestProject>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <OrchestratorTasksAssembly>{tasks}</OrchestratorTasksAssembly>
                <OrchestratorManifestDirectory>{ManifestDirectory}/</OrchestratorManifestDirectory>
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
        await File.WriteAllTextAsync(Path.Combine(directory, "Tests.cs"), """
            using Npgsql;
            using Xunit;

            namespace Lifecycle.Fixture;

            internal static class Postgres
            {
                public static string ConnectionString =>
                    Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? throw new InvalidOperationException("ConnectionStrings__Postgres is not set");

                public static async Task<int> SelectOneAsync()
                {
                    await using var connection = new NpgsqlConnection(ConnectionString);
                    await connection.OpenAsync();
                    await using var select = new NpgsqlCommand("SELECT 1", connection);
                    return (int)(await select.ExecuteScalarAsync())!;
                }
            }

            [Trait("Category", "Integration")]
            [Trait("Resource", "postgres")]
            public class QuickTests
            {
                [Fact]
                public async Task Queries_postgres() => Assert.Equal(1, await Postgres.SelectOneAsync());

                [Fact]
                public void Fails_showing_its_connection_string() => Assert.Fail("could not use " + Postgres.ConnectionString);
            }

            [Trait("Category", "Integration")]
            [Trait("Resource", "postgres")]
            public class SlowTests
            {
                [Fact]
                public async Task Holds_until_released()
                {
                    Assert.Equal(1, await Postgres.SelectOneAsync());
                    string Read(string name) => Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException(name + " is not set");
                    File.WriteAllText(Path.Combine(Read("LIFECYCLE_MARKERS"), "slow.started"), Environment.ProcessId.ToString());
                    var release = Read("LIFECYCLE_RELEASE");
                    var holdUntil = DateTime.UtcNow.AddMinutes(10);
                    while (!File.Exists(release) && DateTime.UtcNow < holdUntil)
                    {
                        await Task.Delay(100);
                    }
                }
            }
            """);
        await FixtureBuild.RunAsync($"fixture {Project}", Root, [directory, "-c", "Release", "-nologo"], _buildTimeout);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process of a failed test may still hold a file; the temp directory is cleaned eventually.
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// A fresh workspace for one test: the suite's manifests, an <c>orchestrator.json</c> whose pr cadence
    /// runs the suite on Postgres in one unit without retries, and an empty marker directory.
    /// </summary>
    public LifecycleWorkspace CreateWorkspace()
    {
        var root = Directory.CreateTempSubdirectory("orchestrator-lifecycle-").FullName;
        var manifests = Path.Combine(root, "artifacts", "orchestrator", "manifests");
        Directory.CreateDirectory(manifests);
        foreach (var manifest in Directory.EnumerateFiles(ManifestDirectory, "*.json"))
        {
            File.Copy(manifest, Path.Combine(manifests, Path.GetFileName(manifest)));
        }
        var workspace = new LifecycleWorkspace(root);
        Directory.CreateDirectory(workspace.MarkerDirectory);
        workspace.WriteConfiguration(workspace.ReleaseFile("first"));
        return workspace;
    }

    internal static JsonObject Configuration(string markerDirectory, string releaseFile) => new()
    {
        ["layers"] = new JsonArray("integration"),
        ["defaultLayer"] = "integration",
        ["cadences"] = new JsonObject
        {
            ["pr"] = new JsonObject { ["layers"] = new JsonArray("integration"), ["resources"] = new JsonArray("postgres"), ["retries"] = 0 },
        },
        ["resources"] = new JsonObject
        {
            ["postgres"] = new JsonObject
            {
                ["kind"] = "postgres",
                ["image"] = "orchestrator/postgres:local",
                ["build"] = new JsonObject { ["context"] = Path.Combine(RepositoryPaths.Root(), "eng", "images", "postgres") },
                ["ports"] = new JsonArray(5432),
                ["environment"] = new JsonObject { ["POSTGRES_PASSWORD"] = "{secret}" },
                ["isolation"] = "shared",
                ["variables"] = new JsonObject
                {
                    ["ConnectionStrings__Postgres"] = "Host={host};Port={port};Username=postgres;Password={secret};Database={namespace}",
                },
            },
        },
        // One unit, so the quick tests and the slow one share the process the signal interrupts.
        ["parallelism"] = new JsonObject { ["maxUnitsPerPartition"] = 1, ["packBelowSeconds"] = 0 },
        // The machine may be slow: neither readiness nor the hang timeout may end the run before the signal does.
        ["timeouts"] = new JsonObject { ["testHangSeconds"] = 1200, ["unitSeconds"] = 1800, ["readinessSeconds"] = 300 },
        ["testEnvironment"] = new JsonObject { ["LIFECYCLE_MARKERS"] = markerDirectory, ["LIFECYCLE_RELEASE"] = releaseFile },
    };
}
