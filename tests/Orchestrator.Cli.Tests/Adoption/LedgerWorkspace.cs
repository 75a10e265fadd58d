using System.Text.Json.Nodes;

namespace Orchestrator.Cli.Tests.Adoption;

/// <summary>
/// A workspace of its own for the Ledger sample (samples/Ledger: untagged, fixed table and key names, its own
/// cleanup), over the test assemblies the main build made: their manifests, and an orchestrator.json whose rules
/// classify the suite and whose variables are the suite's own (LEDGER_POSTGRES, LEDGER_REDIS). Partitions are
/// kept apart and split into two units each, two at a time, so that units of one partition run at once.
/// </summary>
internal sealed class LedgerWorkspace : IDisposable
{
    public static readonly string[] Assemblies = ["Ledger.PostgresTests", "Ledger.RedisTests", "Ledger.ReportingTests"];

    public string Root { get; } = Directory.CreateTempSubdirectory("orchestrator-ledger-").FullName;

    public string ConfigurationPath => Path.Combine(Root, "orchestrator.json");

    public string Results(string name) => Path.Combine(Root, "results-" + name);

    /// <param name="postgresDatabase">What the suite's connection string names as its database: <c>{namespace}</c>, or a fixed name.</param>
    /// <param name="redisDatabase">The suite's Redis database: <c>{namespace}</c>, or a fixed index.</param>
    public static LedgerWorkspace Create(string postgresDatabase, string redisDatabase)
    {
        var workspace = new LedgerWorkspace();
        var repository = RepositoryPaths.Root();
        var manifests = Path.Combine(workspace.Root, "artifacts", "orchestrator", "manifests");
        Directory.CreateDirectory(manifests);
        foreach (var assembly in Assemblies)
        {
            var built = Directory.GetFiles(Path.Combine(repository, "artifacts", "orchestrator", "manifests"), assembly + "-*.json");
            if (built.Length == 0)
            {
                throw new InvalidOperationException($"No manifest of {assembly} in the repository's artifacts: build the solution first.");
            }
            File.Copy(built[0], Path.Combine(manifests, Path.GetFileName(built[0])));
        }
        var images = Path.Combine(repository, "eng", "images");
        var configuration = new JsonObject
        {
            ["layers"] = new JsonArray("unit", "integration"),
            ["cadences"] = new JsonObject
            {
                ["pr"] = new JsonObject { ["layers"] = new JsonArray("integration"), ["resources"] = new JsonArray("postgres", "redis"), ["retries"] = 0 },
            },
            ["resources"] = new JsonObject
            {
                ["postgres"] = new JsonObject
                {
                    ["kind"] = "postgres",
                    ["image"] = "orchestrator/postgres:local",
                    ["build"] = new JsonObject { ["context"] = Path.Combine(images, "postgres") },
                    ["ports"] = new JsonArray(5432),
                    ["environment"] = new JsonObject { ["POSTGRES_PASSWORD"] = "{secret}" },
                    ["isolation"] = "shared",
                    ["variables"] = new JsonObject
                    {
                        ["LEDGER_POSTGRES"] = $"Host={{host}};Port={{port}};Username=postgres;Password={{secret}};Database={postgresDatabase}",
                    },
                },
                ["redis"] = new JsonObject
                {
                    ["kind"] = "redis",
                    ["image"] = "orchestrator/redis:local",
                    ["build"] = new JsonObject { ["context"] = Path.Combine(images, "redis") },
                    ["ports"] = new JsonArray(6379),
                    ["environment"] = new JsonObject { ["REDIS_PASSWORD"] = "{secret}" },
                    ["isolation"] = "shared",
                    ["variables"] = new JsonObject
                    {
                        ["LEDGER_REDIS"] = $"{{host}}:{{port}},password={{secret}},defaultDatabase={redisDatabase},abortConnect=false",
                    },
                },
            },
            ["rules"] = new JsonArray(
                Rule("Ledger.PostgresTests", "postgres"),
                Rule("Ledger.RedisTests", "redis"),
                Rule("Ledger.ReportingTests", "postgres", "redis")),
            ["parallelism"] = new JsonObject
            {
                ["maxParallelUnits"] = 2,
                ["maxContainers"] = 4,
                ["targetUnitSeconds"] = 1,
                ["maxUnitsPerPartition"] = 2,
                ["packBelowSeconds"] = 0,
            },
        };
        File.WriteAllText(workspace.ConfigurationPath, configuration.ToJsonString());
        // A warm agent's timings: the Ledger's test hosts start in a fraction of a second, so the planner splits its
        // partitions into units that run at the same time (what these tests are about) rather than saving a start-up.
        var state = Path.Combine(workspace.Root, ".orchestrator");
        Directory.CreateDirectory(state);
        File.WriteAllText(Path.Combine(state, "timings.json"), new JsonObject
        {
            ["version"] = 1,
            ["alpha"] = 0.3,
            ["tests"] = new JsonArray(),
            ["startUps"] = new JsonArray([.. Assemblies.Select(assembly => (JsonNode)new JsonObject { ["assembly"] = assembly, ["milliseconds"] = 100, ["samples"] = 5 })]),
        }.ToJsonString());
        return workspace;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static JsonObject Rule(string assembly, params string[] resources) => new()
    {
        ["assembly"] = assembly,
        ["layer"] = "integration",
        ["resources"] = new JsonArray([.. resources.Select(resource => (JsonNode)resource)]),
    };
}
