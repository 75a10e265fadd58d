using System.Text.Json.Nodes;
using Orchestrator.Configuration;
using Orchestrator.Discovery;
using Orchestrator.Model;
using Xunit;

namespace Orchestrator.Cli.Tests.Discovery;

[Trait("Category", "Unit")]
public sealed class TestHostRuntimeTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("orchestrator-runtime-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Installed_runtimes_are_read_per_framework_from_the_shared_directory_preview_versions_included()
    {
        foreach (var version in new[] { "Microsoft.NETCore.App/9.0.4", "Microsoft.NETCore.App/10.0.0-rc.2.25502.107", "Microsoft.AspNetCore.App/10.0.1" })
        {
            Directory.CreateDirectory(Path.Combine(root, "shared", version));
        }

        var installed = TestHostRuntime.ReadInstalled(Path.Combine(root, "shared"));

        Assert.Equal([new Version(9, 0, 4), new Version(10, 0, 0)], installed["Microsoft.NETCore.App"].Order());
        Assert.Equal([new Version(10, 0, 1)], installed["Microsoft.AspNetCore.App"].AsEnumerable());
    }

    [Fact]
    public void The_requirement_is_read_from_the_runtimeconfig_beside_the_assembly_with_every_framework_and_the_policy()
    {
        var assembly = WriteAssembly("Web.Tests", new JsonObject
        {
            ["tfm"] = "net9.0",
            ["rollForward"] = "LatestPatch",
            ["frameworks"] = new JsonArray(Framework("Microsoft.NETCore.App", "9.0.0"), Framework("Microsoft.AspNetCore.App", "9.0.0")),
        });

        var requirement = TestHostRuntime.ReadRequirement(assembly);

        Assert.NotNull(requirement);
        Assert.Equal("LatestPatch", requirement.RollForward);
        Assert.Equal(["Microsoft.NETCore.App", "Microsoft.AspNetCore.App"], requirement.Frameworks.Select(framework => framework.Name));
        Assert.Null(TestHostRuntime.ReadRequirement(Path.Combine(root, "NoConfig.dll")));
    }

    [Fact]
    public async Task Discovery_reports_a_project_built_for_a_runtime_the_machine_lacks_with_the_fix_instead_of_listing_it()
    {
        var assembly = WriteAssembly("Orders.Tests", new JsonObject { ["framework"] = Framework("Microsoft.NETCore.App", "99.0.0") });
        var project = Path.Combine(root, "Orders.Tests.csproj");
        File.WriteAllText(project, "<Project />");
        var manifests = Directory.CreateDirectory(Path.Combine(root, "manifests")).FullName;
        File.WriteAllText(Path.Combine(manifests, "Orders.Tests.json"), new JsonObject
        {
            ["schemaVersion"] = 1, ["projectPath"] = project, ["projectName"] = "Orders.Tests", ["targetFramework"] = "net99.0",
            ["targetPath"] = assembly, ["configuration"] = "Release", ["runner"] = "VSTest",
        }.ToJsonString());
        var logger = Directory.CreateDirectory(Path.Combine(root, "logger")).FullName;
        File.WriteAllText(Path.Combine(logger, TestDiscoverer.LoggerAssemblyFileName), "");

        var listing = await TestDiscoverer.ListCasesAsync(new DiscoveryRequest
        {
            Configuration = ConfigurationLoader.Parse("{}", Path.Combine(root, "orchestrator.json")),
            ManifestDirectory = manifests,
            LoggerDirectory = logger,
            CacheDirectory = Path.Combine(root, "cache"),
        }, CancellationToken.None);

        Assert.Empty(listing.Assemblies);
        var problem = Assert.Single(listing.Problems);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Contains("Test project 'Orders.Tests' (net99.0) needs Microsoft.NETCore.App 99.0.0 (roll-forward Minor; installed: ", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Install the .NET 99.0 runtime", problem.Message, StringComparison.Ordinal);
        Assert.Contains("\"DOTNET_ROLL_FORWARD\": \"Major\"", problem.Message, StringComparison.Ordinal);
    }

    private string WriteAssembly(string name, JsonObject runtimeOptions)
    {
        var assembly = Path.Combine(root, name + ".dll");
        File.WriteAllText(assembly, "");
        File.WriteAllText(Path.ChangeExtension(assembly, ".runtimeconfig.json"), new JsonObject { ["runtimeOptions"] = runtimeOptions }.ToJsonString());
        return assembly;
    }

    private static JsonObject Framework(string name, string version) => new() { ["name"] = name, ["version"] = version };
}
