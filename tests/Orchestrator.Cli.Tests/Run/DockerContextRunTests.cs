using System.Globalization;
using CliWrap.Buffered;
using Orchestrator.Docker.Tests.Support;
using Xunit;

namespace Orchestrator.Cli.Tests.Run;

/// <summary>
/// With DOCKER_HOST unset, the built tool finds the engine through the docker command-line's current context,
/// as 'docker context use' leaves it: <c>doctor</c> names it and a <c>pr</c> run starts its container there.
/// </summary>
[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
[Trait("Resource", "postgres")]
public sealed class DockerContextRunTests : IDisposable
{
    private readonly DockerConfigDirectory _config = new();

    public void Dispose() => _config.Dispose();

    /// <summary>Only the configuration directory can lead the tool to the engine: DOCKER_HOST and DOCKER_CONTEXT are empty.</summary>
    private Dictionary<string, string> ContextEnvironment() => new()
    {
        ["DOCKER_CONFIG"] = _config.Path,
        ["DOCKER_HOST"] = "",
        ["DOCKER_CONTEXT"] = "",
    };

    /// <summary>Makes <paramref name="name"/> the current context, pointing at the unix socket <paramref name="socket"/>.</summary>
    private string UseContext(string name, string socket)
    {
        _config.AddContext(name, "unix://" + socket);
        _config.SetCurrentContext(name);
        return $"unix://{socket}, from context '{name}' (current context in {_config.Path}/config.json)";
    }

    private static string Describe(BufferedCommandResult result) =>
        $"exit code {result.ExitCode.ToString(CultureInfo.InvariantCulture)}\nstdout:\n{result.StandardOutput}\nstderr:\n{result.StandardError}";

    [Fact]
    public async Task Doctor_and_a_pr_run_use_the_engine_of_the_current_context()
    {
        // The engine under a path of the context's own: reaching it proves the context's address was used.
        var socket = Path.Combine(_config.Path, "engine.sock");
        File.CreateSymbolicLink(socket, "/var/run/docker.sock");
        var engine = UseContext("team-engine", socket);
        using var workspace = ComposeShopPostgresRunTests.CreateWorkspace();

        var doctor = await workspace.ToolAsync(["doctor", "--config", workspace.ConfigurationPath], ContextEnvironment());
        var run = await workspace.RunAsync("pr", Path.Combine(workspace.Root, "results"), environment: ContextEnvironment());

        Assert.True(doctor.ExitCode == 0, Describe(doctor));
        Assert.Contains($"ok engine: {engine}; answers, API version", doctor.StandardOutput, StringComparison.Ordinal);
        Assert.True(run.ExitCode == 0, Describe(run));
        Assert.Matches(@"[1-9]\d* passed, 0 failed, 0 skipped\s*$", run.StandardOutput);
    }

    [Fact]
    public async Task A_current_context_whose_engine_is_gone_stops_doctor_and_the_pr_run_naming_its_address()
    {
        // The default socket still answers: only a tool that follows the context can fail here.
        var socket = Path.Combine(_config.Path, "gone.sock");
        var engine = UseContext("gone-engine", socket);
        using var workspace = ComposeShopPostgresRunTests.CreateWorkspace();

        var doctor = await workspace.ToolAsync(["doctor", "--config", workspace.ConfigurationPath], ContextEnvironment());
        var run = await workspace.RunAsync("pr", Path.Combine(workspace.Root, "results"), environment: ContextEnvironment());

        Assert.True(doctor.ExitCode == 1, Describe(doctor));
        Assert.Contains($"error engine: {engine}; does not answer", doctor.StandardOutput, StringComparison.Ordinal);
        Assert.True(run.ExitCode == 2, Describe(run));
        Assert.Contains(engine, run.StandardError, StringComparison.Ordinal);
    }
}
