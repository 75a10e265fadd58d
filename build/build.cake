// The Cake build: thin tasks that call dotnet and the orchestrator. Logic lives in src/ and eng/.
//   ./build.sh                          commit cadence: build once, run what needs no real resource
//   ./build.sh --cadence=pr             add the tests that need real Postgres/Redis/RabbitMQ
//   ./build.sh --target=Full            start the engine, build the images, run every layer
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

Task("Engine")
    .Description("Ensures a Docker engine answers and the local service images exist.")
    .Does(() =>
    {
        repo.Run("eng/docker/start-engine.sh");
        repo.Run("eng/images/build-images.sh");
    });

Task("Test")
    .Description("Runs the tests of a cadence (--cadence=commit|pr|nightly).")
    .IsDependentOn("Build")
    .Does(() => repo.RunTests(cadence, shard));

Task("Full")
    .Description("Sets up everything (engine included) and runs the whole suite.")
    .IsDependentOn("Engine")
    .IsDependentOn("Build")
    .Does(() => repo.RunTests("nightly", shard));

Task("Pack")
    .IsDependentOn("Build")
    .Does(() => DotNetPack(repo.Solution.FullPath, new DotNetPackSettings
    {
        Configuration = configuration,
        NoBuild = true,
        OutputDirectory = repo.Artifacts.Combine("packages"),
    }));

RunTarget(target);
