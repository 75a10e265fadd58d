using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestrator.Docker;
using Orchestrator.Docker.Engine;

namespace Orchestrator.Cli.Tests.Lifecycle;

/// <summary>
/// One test's own directory for runs of <see cref="HoldingPostgresSuite"/>: configuration, manifests, state
/// (<c>.orchestrator/</c>), results and markers. Tracks the tool processes it started and the containers
/// they made; on dispose it kills the tool processes and every unit process of this workspace still alive
/// and removes the containers left, whether the test passed or not.
/// </summary>
public sealed class LifecycleWorkspace : IAsyncDisposable
{
    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(250);

    private readonly List<ToolRun> _runs = [];
    private readonly HashSet<string> _runIds = new(StringComparer.Ordinal);
    private readonly DockerClient _docker = DockerEndpoint.FromEnvironment().CreateClient();

    internal LifecycleWorkspace(string root) => Root = root;

    public string Root { get; }

    public string ConfigurationPath => Path.Combine(Root, "orchestrator.json");

    public string ResultsDirectory => Path.Combine(Root, "results");

    public string MarkerDirectory => Path.Combine(Root, "markers");

    public string SlowStartedMarker => Path.Combine(MarkerDirectory, HoldingPostgresSuite.SlowStartedMarker);

    /// <summary>Where runs keep their unit output while they run (<c>.orchestrator/runs/&lt;run id&gt;/</c>).</summary>
    public string WorkDirectories => Path.Combine(Root, ".orchestrator", "runs");

    public DockerClient Docker => _docker;

    public string ReleaseFile(string name) => Path.Combine(MarkerDirectory, "release-" + name);

    /// <summary>Points the slow test at <paramref name="releaseFile"/>: it holds until that file exists.</summary>
    public void WriteConfiguration(string releaseFile) =>
        File.WriteAllText(ConfigurationPath, HoldingPostgresSuite.Configuration(MarkerDirectory, releaseFile).ToJsonString());

    /// <summary>Starts <c>orchestrator run --cadence pr</c> on this workspace into <see cref="ResultsDirectory"/>.</summary>
    internal ToolRun StartRun(bool ownSession = false)
    {
        var run = ToolRun.Start(["run", "--cadence", "pr", "--config", ConfigurationPath, "--results", ResultsDirectory], ownSession);
        _runs.Add(run);
        return run;
    }

    /// <summary>Containers (any state) whose owner is the given tool process on this host.</summary>
    public Task<IList<ContainerListResponse>> ContainersOwnedByAsync(int pid) =>
        ListAsync($"{ContainerLabels.OwnerPid}={pid.ToString(CultureInfo.InvariantCulture)}", $"{ContainerLabels.OwnerHost}={Orchestrator.Docker.Cleanup.OwnerProcess.Current.Host}");

    /// <summary>Containers (any state) labelled with the run id.</summary>
    public Task<IList<ContainerListResponse>> ContainersOfRunAsync(string runId) => ListAsync($"{ContainerLabels.RunId}={runId}");

    /// <summary>Remembers a run id so its containers are removed on dispose whatever happens.</summary>
    public void Track(string runId) => _runIds.Add(runId);

    /// <summary>The value of a variable in the container's environment (the per-run secret, for instance).</summary>
    public async Task<string> ContainerVariableAsync(string containerId, string name)
    {
        var inspected = await _docker.Containers.InspectContainerAsync(containerId);
        return inspected.Config.Env.Select(variable => variable.Split('=', 2)).Single(pair => pair[0] == name)[1];
    }

    public async Task<bool> ContainerExistsAsync(string containerId)
    {
        try
        {
            await _docker.Containers.InspectContainerAsync(containerId);
            return true;
        }
        catch (DockerContainerNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The fully qualified names of the results streamed so far into the runs' live results files.</summary>
    public IReadOnlySet<string> StreamedResults()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(WorkDirectories))
        {
            return names;
        }
        foreach (var file in Directory.EnumerateFiles(WorkDirectories, "live.jsonl", SearchOption.AllDirectories))
        {
            string text;
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                text = reader.ReadToEnd();
            }
            catch (IOException)
            {
                continue;
            }
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                try
                {
                    using var json = JsonDocument.Parse(line);
                    if (json.RootElement.GetProperty("kind").GetString() == "result")
                    {
                        names.Add(json.RootElement.GetProperty("fullyQualifiedName").GetString()!);
                    }
                }
                catch (JsonException)
                {
                    // A line still being written.
                }
            }
        }
        return names;
    }

    /// <summary>Files under <paramref name="directory"/> whose text contains <paramref name="secret"/>.</summary>
    public static IReadOnlyList<string> FilesContaining(string directory, string secret) =>
        !Directory.Exists(directory)
            ? []
            : [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Where(file => File.ReadAllText(file).Contains(secret, StringComparison.Ordinal))];

    /// <summary>
    /// Live processes that run for this workspace: every process whose environment carries its marker
    /// directory (the unit processes of its runs, which inherit the configured test environment).
    /// </summary>
    public IReadOnlyList<int> UnitProcesses()
    {
        var marker = "LIFECYCLE_MARKERS=" + MarkerDirectory + "\0";
        var found = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }
            try
            {
                if (File.ReadAllText(Path.Combine(entry, "environ")).Contains(marker, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Exited meanwhile, or not ours to read.
            }
        }
        return found;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="within"/> passes.</summary>
    /// <summary>Polls a condition that asks the engine or /proc, so less often than the in-process polls do.</summary>
    public static Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan within) =>
        Execution.FixtureProject.EventuallyAsync(condition, within, _pollInterval);

    public async ValueTask DisposeAsync()
    {
        foreach (var run in _runs)
        {
            run.Dispose();
        }
        // Unit processes outlive an orchestrator that was killed; only those that carry this workspace's
        // environment are killed, so a reused pid is never hit.
        foreach (var pid in UnitProcesses())
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(TimeSpan.FromSeconds(30));
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
            {
                // Gone already.
            }
        }
        var leftovers = new List<ContainerListResponse>();
        foreach (var run in _runs)
        {
            leftovers.AddRange(await ContainersOwnedByAsync(run.Pid));
        }
        foreach (var runId in _runIds)
        {
            leftovers.AddRange(await ContainersOfRunAsync(runId));
        }
        foreach (var id in leftovers.Select(container => container.ID).Distinct(StringComparer.Ordinal))
        {
            try
            {
                await _docker.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true });
            }
            catch (DockerApiException exception) when (exception.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
            {
                // Removed meanwhile.
            }
        }
        _docker.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process that would not die may still hold a file; the temp directory is cleaned eventually.
        }
    }

    private Task<IList<ContainerListResponse>> ListAsync(params string[] labels) =>
        _docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = labels.Prepend($"{ContainerLabels.Tool}={ContainerLabels.ToolValue}").ToDictionary(label => label, _ => true),
            },
        });
}
