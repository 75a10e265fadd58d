// The Cake build: thin tasks that call dotnet, eng/ scripts and the orchestrator. Logic lives in src/ and eng/.
//   ./build.sh                          commit cadence: build once, run the unit layer (one process per unit, no container)
//   ./build.sh --cadence=pr             add the tests that need real Postgres/Redis/RabbitMQ (needs an engine)
//   ./build.sh --target=Plan --cadence=pr   show the plan without running it
//   ./build.sh --target=Full            set up the engine, images and browser; run the whole suite
#load "../src/Orchestrator.Cli/cake/Orchestrator.cake"
#load "tasks.cake"

var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var cadence = Argument("cadence", "commit");
var shard = Argument<string>("shard", null);

var repo = new Repository(Context, MakeAbsolute(Directory("..")), configuration);

Task("Clean")
    .Does(() => CleanDirectory(repo.Artifacts));

Task("Build")
    .Does(() => DotNetBuild(repo.Solution.FullPath, new DotNetBuildSettings { Configuration = configuration }));

Task("Setup")
    .Description("Ensures a Docker engine answers, the local service images exist, and headless Chromium and Node.js are installed.")
    .Does(() =>
    {
        repo.Run("eng/docker/start-engine.sh");
        repo.Run("eng/images/build-images.sh");
        repo.Run("eng/tools/ensure-chromium.sh");
        repo.Run("eng/tools/ensure-node.sh");
    });

Task("Plan")
    .Description("Shows what a cadence would run (--cadence, --shard).")
    .IsDependentOn("Build")
    .Does(() => OrchestratorPlan(new OrchestratorPlanSettings { ToolDll = repo.OrchestratorDll, WorkingDirectory = repo.Root, Cadence = cadence, Shard = shard }));

Task("Test")
    .Description("Runs a cadence's tests through the orchestrator (--cadence=commit|pr|nightly, --shard=i/n).")
    .IsDependentOn("Build")
    .Does(() => repo.RunCadence(cadence, shard));

Task("Full")
    .Description("Sets up everything (engine included) and runs the whole suite.")
    .IsDependentOn("Setup")
    .IsDependentOn("Build")
    .Does(() =>
    {
        // The core's unit tests once without the orchestrator, so a bug that makes it skip tests cannot hide.
        var selfCheck = repo.RunPlainTests("tests/Orchestrator.Tests/Orchestrator.Tests.csproj", "Category=Unit");
        repo.RunCadence("nightly", shard, alsoCount: selfCheck);
    });

Task("Pack")
    .IsDependentOn("Build")
    .Does(() => DotNetPack(repo.Solution.FullPath, new DotNetPackSettings
    {
        Configuration = configuration,
        NoBuild = true,
        OutputDirectory = repo.Artifacts.Combine("packages"),
    }));

RunTarget(target);
