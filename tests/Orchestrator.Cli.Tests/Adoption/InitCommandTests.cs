using Orchestrator.Configuration;
using Xunit;

namespace Orchestrator.Cli.Tests.Adoption;

[Trait("Category", "Integration")]
public sealed class InitCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("orchestrator-init-").FullName;

    public InitCommandTests()
    {
        var project = Path.Combine(_root, "tests", "Shop.IntegrationTests");
        Directory.CreateDirectory(project);
        File.WriteAllText(
            Path.Combine(project, "Shop.IntegrationTests.csproj"),
            """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="xunit" /><PackageReference Include="Npgsql" /></ItemGroup></Project>""");
    }

    private string ConfigurationPath => Path.Combine(_root, ConfigurationLoader.FileName);

    [Fact]
    public async Task Init_writes_a_configuration_that_loads_with_the_suggested_rule()
    {
        var init = await ToolProcess.RunAsync(["init", "--path", _root], TimeSpan.FromMinutes(1));

        Assert.True(init.ExitCode == 0, init.StandardOutput + init.StandardError);
        var config = ConfigurationLoader.Load(ConfigurationPath);
        var rule = Assert.Single(config.Rules);
        Assert.Equal(("Shop.IntegrationTests", "integration", "postgres"), (rule.Assembly, rule.Layer, string.Join(',', rule.Resources)));
        Assert.Equal(["postgres"], config.Resources.Keys);
    }

    [Fact]
    public async Task Init_mentions_a_compose_file_as_a_source_of_resources()
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "docker-compose.yml"), "services:\n  db: { image: postgres:17 }\n");

        var init = await ToolProcess.RunAsync(["init", "--path", _root], TimeSpan.FromMinutes(1));

        Assert.True(init.ExitCode == 0, init.StandardOutput + init.StandardError);
        Assert.Contains("Found docker-compose.yml", init.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"compose\"", init.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_leaves_an_existing_file_alone_unless_forced()
    {
        await File.WriteAllTextAsync(ConfigurationPath, "{}");

        var refused = await ToolProcess.RunAsync(["init", "--path", _root], TimeSpan.FromMinutes(1));

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains(ConfigurationPath, refused.StandardError, StringComparison.Ordinal);
        Assert.Contains("--force", refused.StandardError, StringComparison.Ordinal);
        Assert.Equal("{}", await File.ReadAllTextAsync(ConfigurationPath));

        var forced = await ToolProcess.RunAsync(["init", "--force", "--path", _root], TimeSpan.FromMinutes(1));

        Assert.Equal(0, forced.ExitCode);
        Assert.Single(ConfigurationLoader.Load(ConfigurationPath).Rules);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
