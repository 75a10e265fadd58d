using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Orchestrator.Cli.Tests.Adoption;
using Orchestrator.Fixtures;

namespace Orchestrator.Cli.Tests.Run;

/// <summary>
/// A workspace of its own in a temporary directory: an orchestrator.json written by the test, and manifests copied
/// from the projects the repository's build already built (so no test project is built here), and the repository's
/// discovery cache (<see cref="RepositoryDiscoveryCache"/>). The built tool runs on it as a real process.
/// </summary>
internal sealed class RunWorkspace : IDisposable
{
    private RunWorkspace()
    {
        Directory.CreateDirectory(ManifestDirectory);
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("orchestrator-run-reports-").FullName;

    public string ConfigurationPath => Path.Combine(Root, "orchestrator.json");

    public string ManifestDirectory => Path.Combine(Root, "artifacts", "orchestrator", "manifests");

    /// <param name="configuration">The workspace's orchestrator.json.</param>
    /// <param name="builtProjects">Test projects whose manifests the repository's build wrote, e.g. "Shop.IntegrationTests".</param>
    public static RunWorkspace Create(JsonObject configuration, params string[] builtProjects)
    {
        var workspace = new RunWorkspace();
        File.WriteAllText(workspace.ConfigurationPath, configuration.ToJsonString());
        foreach (var manifest in builtProjects.Select(BuiltManifest))
        {
            File.Copy(manifest, Path.Combine(workspace.ManifestDirectory, Path.GetFileName(manifest)));
        }
        RepositoryDiscoveryCache.CopyInto(workspace.Root);
        return workspace;
    }

    /// <summary>
    /// A workspace of test projects the repository's build built (e.g. the Shop's), whose build output is copied into the
    /// workspace and whose manifests point at the copies: for runs that write beside the assemblies (coverlet instruments
    /// them in place), so that no other test process runs or measures the same build output.
    /// </summary>
    public static RunWorkspace CreateWithCopies(JsonObject configuration, params string[] builtProjects) =>
        WithCopies(configuration, builtProjects.Select(BuiltManifest));

    private static string BuiltManifest(string project)
    {
        var built = Path.Combine(RepositoryPaths.Root(), "artifacts", "orchestrator", "manifests");
        var manifests = Directory.Exists(built) ? Directory.GetFiles(built, project + "-*.json") : [];
        return manifests.Length > 0
            ? manifests[0]
            : throw new InvalidOperationException($"No manifest of {project} in {built}: build the solution first (dotnet build Orchestrator.sln -c Release).");
    }

    /// <summary>A workspace of the fixtures of <paramref name="fixtureGroup"/> (tests/Fixtures), whose manifests the build wrote apart from the repository's.</summary>
    public static RunWorkspace CreateWithFixtures(JsonObject configuration, string fixtureGroup)
    {
        var workspace = new RunWorkspace();
        File.WriteAllText(workspace.ConfigurationPath, configuration.ToJsonString());
        foreach (var manifest in Directory.EnumerateFiles(PrebuiltFixture.ManifestDirectory(fixtureGroup), "*.json"))
        {
            File.Copy(manifest, Path.Combine(workspace.ManifestDirectory, Path.GetFileName(manifest)));
        }
        return workspace;
    }

    /// <summary>
    /// A workspace of the fixtures of <paramref name="fixtureGroups"/> whose build output is copied into the workspace and
    /// whose manifests point at the copies: for tests that write beside the assemblies (coverlet instruments them in
    /// place) or need them under a directory of their own, so that no other test process shares them.
    /// </summary>
    public static RunWorkspace CreateWithFixtureCopies(JsonObject configuration, params string[] fixtureGroups) =>
        WithCopies(configuration, fixtureGroups.SelectMany(group => Directory.EnumerateFiles(PrebuiltFixture.ManifestDirectory(group), "*.json")));

    /// <summary>Copies the build output of each manifest's project under bin/ and adds the manifests, pointing at the copies.</summary>
    private static RunWorkspace WithCopies(JsonObject configuration, IEnumerable<string> manifests)
    {
        var workspace = new RunWorkspace();
        File.WriteAllText(workspace.ConfigurationPath, configuration.ToJsonString());
        foreach (var file in manifests)
        {
            var manifest = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var project = (string)manifest["projectName"]!;
            manifest["targetPath"] = PrebuiltFixture.CopyTo(project, Path.Combine(workspace.Root, "bin", project));
            File.WriteAllText(Path.Combine(workspace.ManifestDirectory, Path.GetFileName(file)), manifest.ToJsonString());
        }
        return workspace;
    }

    /// <summary>
    /// Adds the manifest of a test project that exists but was never built: its assembly is missing.
    /// Returns the project's path, which discovery names as the culprit.
    /// </summary>
    public string AddUnbuiltProject(string name)
    {
        var projectDirectory = Path.Combine(Root, name);
        Directory.CreateDirectory(projectDirectory);
        var projectPath = Path.Combine(projectDirectory, name + ".csproj");
        File.WriteAllText(projectPath, "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 1,
            ["projectPath"] = projectPath,
            ["projectName"] = name,
            ["targetFramework"] = "net10.0",
            ["targetPath"] = Path.Combine(projectDirectory, "bin", "Release", "net10.0", name + ".dll"),
            ["configuration"] = "Release",
            ["runner"] = "VSTest",
        };
        File.WriteAllText(Path.Combine(ManifestDirectory, name + "-00000000.net10.0.json"), manifest.ToJsonString());
        return projectPath;
    }

    /// <summary><c>orchestrator run --config … --cadence … --results …</c> plus <paramref name="more"/>.</summary>
    public Task<BufferedCommandResult> RunAsync(string cadence, string results, IReadOnlyList<string>? more = null, IReadOnlyDictionary<string, string>? environment = null) =>
        ToolAsync(["run", "--config", ConfigurationPath, "--cadence", cadence, "--results", results, .. more ?? []], environment);

    /// <summary>
    /// The built tool with <paramref name="arguments"/>, from the workspace's root, without colours, and without a CI's
    /// step summary (a test's run must not write into the summary of the build running it).
    /// </summary>
    public Task<BufferedCommandResult> ToolAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null) =>
        ProcessAsync("dotnet", [RepositoryPaths.Tool(), .. arguments], environment, timeout);

    /// <summary>A program from the workspace's root with the environment <see cref="ToolAsync"/> gives the tool.</summary>
    public async Task<BufferedCommandResult> ProcessAsync(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        return await global::CliWrap.Cli.Wrap(program)
            .WithArguments(arguments)
            .WithWorkingDirectory(Root)
            .WithEnvironmentVariables(variables =>
            {
                variables.Set("NO_COLOR", "1").Set("DOTNET_CLI_TELEMETRY_OPTOUT", "1").Set("GITHUB_STEP_SUMMARY", null)
                    .Set("GITHUB_ACTIONS", null).Set("TF_BUILD", null);
                foreach (var (name, value) in environment ?? new Dictionary<string, string>())
                {
                    variables.Set(name, value);
                }
            })
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(deadline.Token);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
