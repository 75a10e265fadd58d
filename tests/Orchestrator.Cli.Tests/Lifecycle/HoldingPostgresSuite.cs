using System.Text.Json.Nodes;
using Orchestrator.Cli.Tests.Adoption;
using Orchestrator.Fixtures;

namespace Orchestrator.Cli.Tests.Lifecycle;

/// <summary>
/// The fixture project tests/Fixtures/Lifecycle.Fixture, built by the main build: a small xunit suite on
/// Postgres whose run can be stopped at a known point: two quick tests (one passes, one fails with its
/// connection string, secret included, in the message, as a careless test might) and one slow test that
/// queries Postgres, writes <see cref="SlowStartedMarker"/> and then holds until the file named by
/// <c>LIFECYCLE_RELEASE</c> exists (at most ten minutes). Every test gets its own workspace
/// (<see cref="CreateWorkspace"/>): its configuration, manifests, state directory and markers, so runs never
/// share a directory; the built assembly is used in place.
/// </summary>
public sealed class HoldingPostgresSuite
{
    public const string Project = "Lifecycle.Fixture";
    public const string QuickTest = "Lifecycle.Fixture.QuickTests.Queries_postgres";
    public const string CarelessTest = "Lifecycle.Fixture.QuickTests.Fails_showing_its_connection_string";
    public const string SlowTest = "Lifecycle.Fixture.SlowTests.Holds_until_released";
    public const string SlowStartedMarker = "slow.started";

    private readonly string _manifestDirectory = PrebuiltFixture.ManifestDirectory(Project);

    /// <summary>
    /// A fresh workspace for one test: the suite's manifests, an <c>orchestrator.json</c> whose pr cadence
    /// runs the suite on Postgres in one unit without retries, and an empty marker directory.
    /// </summary>
    public LifecycleWorkspace CreateWorkspace()
    {
        var root = Directory.CreateTempSubdirectory("orchestrator-lifecycle-").FullName;
        var manifests = Path.Combine(root, "artifacts", "orchestrator", "manifests");
        Directory.CreateDirectory(manifests);
        foreach (var manifest in Directory.EnumerateFiles(_manifestDirectory, "*.json"))
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
            // The tests of a class share this workspace and each needs the held test to run: no pass is reused.
            ["pr"] = new JsonObject { ["layers"] = new JsonArray("integration"), ["resources"] = new JsonArray("postgres"), ["retries"] = 0, ["cache"] = false },
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
