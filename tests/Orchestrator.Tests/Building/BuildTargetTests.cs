using Orchestrator.Building;
using Orchestrator.Configuration;
using Xunit;

namespace Orchestrator.Tests.Building;

[Trait("Category", "Unit")]
public sealed class BuildTargetTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("orchestrator-build-target-").FullName;

    private OrchestratorConfiguration Configuration(string json) =>
        ConfigurationLoader.Parse(json, Path.Combine(_root, ConfigurationLoader.FileName));

    [Fact]
    public void The_configured_solution_is_taken_relative_to_the_configuration_file()
    {
        Directory.CreateDirectory(Path.Combine(_root, "src"));
        File.WriteAllText(Path.Combine(_root, "src", "App.slnx"), "<Solution />");

        var target = BuildTarget.Resolve(Configuration("""{ "build": { "solution": "src/App.slnx" } }"""));

        Assert.Equal(Path.Combine(_root, "src", "App.slnx"), target);
    }

    [Fact]
    public void A_configured_solution_that_does_not_exist_is_named_with_its_full_path()
    {
        var missing = Assert.Throws<BuildException>(() => BuildTarget.Resolve(Configuration("""{ "build": { "solution": "src/Nope.sln" } }""")));

        Assert.Contains(Path.Combine(_root, "src", "Nope.sln"), missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_configured_solution_the_one_solution_beside_the_file_is_built_and_several_are_refused()
    {
        File.WriteAllText(Path.Combine(_root, "App.csproj"), "<Project />");
        File.WriteAllText(Path.Combine(_root, "App.sln"), "");

        Assert.Equal(Path.Combine(_root, "App.sln"), BuildTarget.Resolve(Configuration("{}")));

        File.WriteAllText(Path.Combine(_root, "Other.sln"), "");
        var ambiguous = Assert.Throws<BuildException>(() => BuildTarget.Resolve(Configuration("{}")));
        Assert.Contains("App.sln, Other.sln", ambiguous.Message, StringComparison.Ordinal);
        Assert.Contains("\"build\"", ambiguous.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_to_build_says_how_to_name_the_solution()
    {
        var nothing = Assert.Throws<BuildException>(() => BuildTarget.Resolve(Configuration("{}")));

        Assert.Contains("no solution or project file", nothing.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
