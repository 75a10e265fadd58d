using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Orchestrator.Cli.Tests.Adoption;
using Xunit;

namespace Orchestrator.Cli.Tests.Doctor;

/// <summary><c>orchestrator doctor</c> as a real process against the engine the environment names.</summary>
[Trait("Category", "Integration")]
public sealed class DoctorCommandTests
{
    internal static JsonObject PostgresFromRepository() => new()
    {
        ["postgres"] = new JsonObject
        {
            ["kind"] = "postgres",
            ["image"] = "orchestrator/postgres:local",
            ["build"] = new JsonObject { ["context"] = Path.Combine(RepositoryPaths.Root(), "eng", "images", "postgres") },
            ["ports"] = new JsonArray(5432),
        },
    };

    internal static async Task<BufferedCommandResult> DoctorAsync(DoctorWorkspace workspace, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await global::CliWrap.Cli.Wrap("dotnet")
            .WithArguments([RepositoryPaths.Tool(), "doctor", "--config", workspace.ConfigurationPath])
            .WithWorkingDirectory(workspace.Root)
            .WithEnvironmentVariables(environment ?? new Dictionary<string, string?>())
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);
    }

    internal static string Describe(BufferedCommandResult result) =>
        $"exit code {result.ExitCode}\nstdout:\n{result.StandardOutput}\nstderr:\n{result.StandardError}";

    [Fact]
    [Trait("Resource", "docker")]
    public async Task Against_the_real_engine_the_engine_line_names_its_source_and_a_run_could_start()
    {
        using var workspace = DoctorWorkspace.Create(PostgresFromRepository());

        var result = await DoctorAsync(workspace);

        Assert.True(result.ExitCode == 0, Describe(result));
        var engine = Assert.Single(result.StandardOutput.Split('\n'), line => line.StartsWith("ok engine: ", StringComparison.Ordinal));
        Assert.Contains(", from ", engine, StringComparison.Ordinal);
        Assert.Contains("API version", engine, StringComparison.Ordinal);
        Assert.Contains("image of 'postgres'", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("warning test projects:", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_DOCKER_HOST_is_an_error_line_naming_the_endpoint_and_fails()
    {
        using var workspace = DoctorWorkspace.Create(PostgresFromRepository());
        var socket = $"unix:///tmp/{Guid.NewGuid():N}/none.sock";

        var result = await DoctorAsync(workspace, new Dictionary<string, string?> { ["DOCKER_HOST"] = socket });

        Assert.True(result.ExitCode == 1, Describe(result));
        var engine = Assert.Single(result.StandardOutput.Split('\n'), line => line.StartsWith("error engine: ", StringComparison.Ordinal));
        Assert.Contains(socket, engine, StringComparison.Ordinal);
        Assert.Contains("from DOCKER_HOST", engine, StringComparison.Ordinal);
        Assert.Contains("Fix: ", engine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_configuration_exits_2_like_every_command()
    {
        using var workspace = DoctorWorkspace.Create();
        await File.WriteAllTextAsync(workspace.ConfigurationPath, """{ "layers": 3 }""");

        var result = await DoctorAsync(workspace);

        Assert.True(result.ExitCode == 2, Describe(result));
        Assert.Contains("is not valid", result.StandardError, StringComparison.Ordinal);
    }
}
