using System.Text.Json.Nodes;
using System.Xml.Linq;
using CliWrap;
using CliWrap.Buffered;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestrator.Cli.Tests.Planning;
using Orchestrator.Docker;
using Xunit;

namespace Orchestrator.Cli.Tests.Run;

/// <summary>
/// A team's docker-compose.yml describes the Shop's database; orchestrator.json only points at its service and
/// adds what the orchestrator needs (kind, variables). The built tool runs the Shop's Postgres tests on it as a
/// real process, and the container it started from the compose service is gone afterwards.
/// </summary>
[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
[Trait("Resource", "postgres")]
public sealed class ComposeShopPostgresRunTests
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    // Postgres tests need nothing but postgres; those that also need redis or rabbitmq are left out by the cadence.
    private const string PostgresOnly = "Category=Integration&Resource=postgres&Resource!=redis&Resource!=rabbitmq";

    [Fact]
    public async Task A_postgres_resource_taken_from_a_compose_service_runs_the_Shop_postgres_tests_and_leaves_no_container()
    {
        using var workspace = CreateWorkspace();
        var results = Path.Combine(workspace.Root, "results");
        var assembly = (string)JsonNode.Parse(await File.ReadAllTextAsync(Directory.GetFiles(workspace.ManifestDirectory).Single()))!["targetPath"]!;

        var run = await workspace.RunAsync("pr", results);
        var expected = await ListAsync(assembly, PostgresOnly);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\n{run.StandardOutput}\n{run.StandardError}");
        Assert.True(expected.Count > 0, "the Shop has no test that needs only postgres: the test has lost what it runs");
        var outcomes = XDocument.Load(Path.Combine(results, "integration.trx")).Root!
            .Elements(Trx + "Results").Elements(Trx + "UnitTestResult")
            .Select(result => (Name: MethodName((string)result.Attribute("testName")!), Outcome: (string)result.Attribute("outcome")!))
            .ToList();
        Assert.All(expected, name => Assert.Contains((name, "Passed"), outcomes));
        Assert.All(outcomes, outcome => Assert.Equal("Passed", outcome.Outcome));

        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(results, "run.json")))!;
        var container = Assert.Single(record["containers"]!.AsArray(), node => (string?)node!["resource"] == "postgres")!;
        Assert.Contains("integration-postgres", container["partitions"]!.AsArray().Select(partition => (string?)partition));
        Assert.NotNull((string?)container["readyAt"]);
        Assert.NotNull((string?)container["removedAt"]);
        using var docker = new DockerClientConfiguration().CreateClient();
        var left = await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.RunId}={(string)record["runId"]!}"] = true },
            },
        });
        Assert.Empty(left);
    }

    /// <summary>The Shop's integration tests, with postgres from the docker-compose.yml beside orchestrator.json.</summary>
    internal static RunWorkspace CreateWorkspace()
    {
        var workspace = RunWorkspace.Create(Configuration(), "Shop.IntegrationTests");
        File.WriteAllText(Path.Combine(workspace.Root, "docker-compose.yml"), """
            services:
              db:
                image: orchestrator/postgres:local
                ports:
                  - "5432:5432"
                environment:
                  POSTGRES_PASSWORD: "{secret}"
                healthcheck:
                  test: ["CMD-SHELL", "pg_isready -h 127.0.0.1 -U postgres"]
                  interval: 1s
            """);
        return workspace;
    }

    private static JsonObject Configuration() => new()
    {
        ["layers"] = new JsonArray("unit", "integration"),
        ["cadences"] = new JsonObject
        {
            // One retry, as this repository's own pr cadence: a Shop test opens connections with a one-second timeout,
            // which a machine busy with parallel builds can miss.
            ["pr"] = new JsonObject { ["layers"] = new JsonArray("integration"), ["resources"] = new JsonArray("postgres"), ["retries"] = 1 },
        },
        ["resources"] = new JsonObject
        {
            ["postgres"] = new JsonObject
            {
                ["kind"] = "postgres",
                ["compose"] = new JsonObject { ["file"] = "docker-compose.yml", ["service"] = "db" },
                ["isolation"] = "shared",
                ["variables"] = new JsonObject
                {
                    ["ConnectionStrings__Postgres"] = "Host={host};Port={port};Username=postgres;Password={secret};Database={namespace}",
                },
            },
            // Named by the Shop's other tests; the cadence does not run them.
            ["redis"] = new JsonObject { ["kind"] = "external" },
            ["rabbitmq"] = new JsonObject { ["kind"] = "external" },
        },
    };

    /// <summary>The method names <c>dotnet test --list-tests --filter</c> lists (theory data cut off).</summary>
    private static async Task<IReadOnlySet<string>> ListAsync(string assembly, string filter)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var list = await global::CliWrap.Cli.Wrap("dotnet")
            .WithArguments(["test", assembly, "--list-tests", "--filter", filter])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(deadline.Token);
        Assert.True(list.ExitCode == 0, list.StandardOutput + list.StandardError);
        return FilterFixtureProject.ListedDisplayNames(list.StandardOutput).Select(MethodName).ToHashSet(StringComparer.Ordinal);
    }

    private static string MethodName(string displayName)
    {
        var cut = displayName.IndexOf('(', StringComparison.Ordinal);
        return cut < 0 ? displayName : displayName[..cut];
    }
}
