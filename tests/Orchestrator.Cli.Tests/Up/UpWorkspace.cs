using System.Text.Json.Nodes;
using CliWrap.Buffered;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestrator.Cli.Tests.Run;
using Orchestrator.Docker;
using Orchestrator.Docker.Engine;

namespace Orchestrator.Cli.Tests.Up;

/// <summary>
/// A <see cref="RunWorkspace"/> of the Shop's integration tests for <c>up</c>/<c>down</c>: the containers an <c>up</c> keeps
/// carry this workspace's state file as label, so the test finds exactly its own; disposing runs <c>down</c> and removes
/// whatever is left, whether the test passed or not.
/// </summary>
internal sealed class UpWorkspace : IAsyncDisposable
{
    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(250);

    private readonly DockerClient _docker = DockerEndpoint.FromEnvironment().CreateClient();

    private UpWorkspace(RunWorkspace workspace) => Workspace = workspace;

    public RunWorkspace Workspace { get; }

    public string StateFile => Path.Combine(Workspace.Root, ".orchestrator", "up.json");

    public string EnvFile => Path.Combine(Workspace.Root, ".orchestrator", "env");

    public string RunSettingsFile => Path.Combine(Workspace.Root, ".orchestrator", "orchestrator.runsettings");

    public DockerClient Docker => _docker;

    public static UpWorkspace Create(JsonObject configuration) => new(RunWorkspace.Create(configuration, "Shop.IntegrationTests"));

    /// <summary>The tool with <c>--config</c> of this workspace after <paramref name="command"/>.</summary>
    public Task<BufferedCommandResult> ToolAsync(string command, params string[] more) =>
        Workspace.ToolAsync([command, "--config", Workspace.ConfigurationPath, .. more], timeout: TimeSpan.FromMinutes(5));

    /// <summary>Containers (any state) that this workspace's <c>up</c> keeps.</summary>
    public Task<IList<ContainerListResponse>> KeptContainersAsync() => ListAsync($"{ContainerLabels.KeptBy}={StateFile}");

    public async Task<IList<ContainerListResponse>> ListAsync(params string[] labels) =>
        await _docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = labels.ToDictionary(label => label, _ => true) },
        });

    /// <summary>Polls until no container with the label is left; false when some are still there at the deadline.</summary>
    public async Task<bool> NoneLeftAsync(string label, TimeSpan deadline)
    {
        var until = DateTimeOffset.UtcNow + deadline;
        while (true)
        {
            if ((await ListAsync(label)).Count == 0)
            {
                return true;
            }
            if (DateTimeOffset.UtcNow > until)
            {
                return false;
            }
            await Task.Delay(_pollInterval);
        }
    }

    /// <summary>The databases of the Postgres server in the container, listed with its own psql.</summary>
    public async Task<HashSet<string>> DatabasesAsync(string containerId)
    {
        var listed = await ContainerCommands.ExecAsync(_docker, containerId, ["psql", "-U", "postgres", "-Atc", "select datname from pg_database"], CancellationToken.None);
        return listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(StateFile))
        {
            await ToolAsync("down");
        }
        foreach (var container in await KeptContainersAsync())
        {
            try
            {
                await _docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true });
            }
            catch (DockerApiException exception) when (exception.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Conflict)
            {
                // Gone already, or 'down' is still removing it.
            }
        }
        _docker.Dispose();
        Workspace.Dispose();
    }
}
