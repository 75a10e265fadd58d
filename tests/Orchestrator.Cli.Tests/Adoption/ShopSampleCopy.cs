using System.Text.Json.Nodes;
using CliWrap.Buffered;
using Xunit;

namespace Orchestrator.Cli.Tests.Adoption;

/// <summary>
/// A copy of samples/Shop in a temporary directory, with what it builds with here (this repository's
/// Directory.Build.props without its analyzers and Directory.Packages.props: central package management, so the test projects
/// reach Npgsql, StackExchange.Redis and RabbitMQ.Client only through Shop.csproj, without versions) and
/// a solution, but not this repository's Directory.Build.targets: the manifests come from
/// <c>orchestrator build</c>. Once per fixture: <c>init</c>, then <c>build</c> with the written configuration.
/// </summary>
public sealed class ShopSampleCopy : IAsyncLifetime
{
    public string Root { get; } = Directory.CreateTempSubdirectory("orchestrator-shop-init-").FullName;

    public string ConfigurationPath => Path.Combine(Root, "orchestrator.json");

    /// <summary>This repository's hand-written orchestrator.json, beside the generated one (same manifests).</summary>
    public string HandWrittenPath => Path.Combine(Root, "handwritten.orchestrator.json");

    private const string WithoutAnalyzers = """
          <PropertyGroup>
            <RunAnalyzers>false</RunAnalyzers>
            <EnforceCodeStyleInBuild>false</EnforceCodeStyleInBuild>
          </PropertyGroup>
        </Project>
        """;

    public BufferedCommandResult Init { get; private set; } = null!;

    public BufferedCommandResult Build { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var repository = RepositoryPaths.Root();
        Copy(Path.Combine(repository, "samples", "Shop"), Root);
        File.Copy(Path.Combine(repository, "Directory.Packages.props"), Path.Combine(Root, "Directory.Packages.props"));
        // This repository's conventions without its analyzers: the copy is built for its manifests, and analysing
        // Shop again would only double the compile time of the fixture.
        var props = await File.ReadAllTextAsync(Path.Combine(repository, "Directory.Build.props"));
        await File.WriteAllTextAsync(Path.Combine(Root, "Directory.Build.props"), props.Replace("</Project>", WithoutAnalyzers, StringComparison.Ordinal));
        // The repository's own commit cadence runs the unit layer only (its integration tests start processes); the
        // Shop's tests are planned against the default one, which init writes.
        var handWritten = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(repository, "orchestrator.json")))!;
        handWritten["cadences"]!["commit"]!["layers"] = new JsonArray("unit", "integration");
        await File.WriteAllTextAsync(HandWrittenPath, handWritten.ToJsonString());
        await File.WriteAllTextAsync(Path.Combine(Root, "Shop.slnx"), """
            <Solution>
              <Project Path="src/Shop/Shop.csproj" />
              <Project Path="tests/Shop.ContractTests/Shop.ContractTests.csproj" />
              <Project Path="tests/Shop.EndToEndTests/Shop.EndToEndTests.csproj" />
              <Project Path="tests/Shop.IntegrationTests/Shop.IntegrationTests.csproj" />
              <Project Path="tests/Shop.Testing/Shop.Testing.csproj" />
              <Project Path="tests/Shop.UnitTests/Shop.UnitTests.csproj" />
            </Solution>
            """);

        Init = await ToolProcess.RunAsync(["init", "--path", Root], TimeSpan.FromMinutes(1));
        if (Init.ExitCode != 0)
        {
            throw new InvalidOperationException($"orchestrator init failed (exit code {Init.ExitCode}):\n{Init.StandardOutput}\n{Init.StandardError}");
        }
        Build = await ToolProcess.RunAsync(["build", "--config", ConfigurationPath], TimeSpan.FromMinutes(8));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
        foreach (var directory in Directory.EnumerateDirectories(source).Where(path => Path.GetFileName(path) is not ("bin" or "obj")))
        {
            Copy(directory, Path.Combine(target, Path.GetFileName(directory)));
        }
    }
}
