using System.Globalization;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestrator.Resources;

namespace Orchestrator.Docker.Cleanup;

/// <summary>Finds and removes the orchestrator's containers by label: orphans of dead runs, or all of them.</summary>
internal sealed class ContainerJanitor(IDockerClient client, TimeSpan removalTimeout, Action<string>? log, KeptByUp kept)
{
    public async Task<IReadOnlyList<string>> SweepAsync(OrphanRule rule, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var orphans = new List<(string Id, string Why)>();
        foreach (var container in await ListAsync(runId: null, ct))
        {
            var why = rule.Judge(container.Labels, new DateTimeOffset(DateTime.SpecifyKind(container.Created, DateTimeKind.Utc)), now);
            if (why is not null)
            {
                orphans.Add((container.ID, why));
            }
        }
        await Task.WhenAll(orphans.Select(orphan =>
        {
            log?.Invoke($"Removing orphan container {orphan.Id[..12]}: {orphan.Why}");
            return RemoveAsync(orphan.Id);
        }));
        return [.. orphans.Select(orphan => orphan.Id)];
    }

    /// <summary>Removes the orchestrator's containers (or one run's), except those <c>up</c> keeps: <c>down</c> removes those.</summary>
    public async Task<IReadOnlyList<string>> CleanAsync(string? runId, CancellationToken ct)
    {
        var containers = new List<ContainerListResponse>();
        foreach (var container in await ListAsync(runId, ct))
        {
            if (kept.KeptBy(container.Labels) is { } stateFile)
            {
                log?.Invoke($"Keeping container {container.ID[..12]} ({string.Join(',', container.Names)}): 'orchestrator up' keeps it ({stateFile}); 'orchestrator down' in that workspace removes it.");
                continue;
            }
            containers.Add(container);
        }
        return await RemoveAllAsync(containers);
    }

    /// <summary>Removes every container kept by the <c>up</c> whose state file is <paramref name="stateFile"/>.</summary>
    public async Task<IReadOnlyList<string>> RemoveKeptAsync(string stateFile, CancellationToken ct) =>
        await RemoveAllAsync(await ListAsync(runId: null, ct, $"{ContainerLabels.KeptBy}={stateFile}"));

    private async Task<IReadOnlyList<string>> RemoveAllAsync(IList<ContainerListResponse> containers)
    {
        await Task.WhenAll(containers.Select(container =>
        {
            log?.Invoke($"Removing container {container.ID[..12]} ({string.Join(',', container.Names)})");
            return RemoveAsync(container.ID);
        }));
        return [.. containers.Select(container => container.ID)];
    }

    /// <summary>
    /// Force-removes a container; gone already is fine. Runs to completion (own deadline), whatever was cancelled.
    /// </summary>
    /// <exception cref="ResourceException">The engine did not remove it (stopped answering, refused).</exception>
    public async Task RemoveAsync(string idOrName)
    {
        using var deadline = new CancellationTokenSource(removalTimeout);
        try
        {
            await client.Containers.RemoveContainerAsync(idOrName, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, deadline.Token);
        }
        catch (DockerApiException exception) when (exception.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            // Gone already, or its removal is already in progress.
        }
        catch (Exception exception) when (exception is DockerApiException or HttpRequestException or IOException or TimeoutException or OperationCanceledException)
        {
            throw new ResourceException(
                "docker",
                $"Container {Short(idOrName)} could not be removed: the engine did not answer ({exception.Message}). It stays until the engine runs again; " +
                "'orchestrator clean' removes it then, and the next run sweeps it as an orphan.", exception, idOrName);
        }
    }

    /// <summary>How a container ended when it is no longer running (<c>exited with code 137 at …</c>, killed for memory); null while it runs or when that cannot be told.</summary>
    public async Task<string?> EndedAsync(string id, CancellationToken ct)
    {
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(removalTimeout);
            var state = (await client.Containers.InspectContainerAsync(id, deadline.Token)).State;
            if (state.Running)
            {
                return null;
            }
            var at = DateTimeOffset.TryParse(state.FinishedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var finished)
                ? $" at {finished.UtcDateTime:HH:mm:ss} UTC"
                : string.Empty;
            return $"exited with code {state.ExitCode}{at}{(state.OOMKilled ? " (killed: out of memory)" : string.Empty)}";
        }
        catch (Exception exception) when (exception is DockerApiException or HttpRequestException or IOException or TimeoutException or OperationCanceledException)
        {
            return null;
        }
    }

    private static string Short(string id) => id.Length > 12 ? id[..12] : id;

    private async Task<IList<ContainerListResponse>> ListAsync(string? runId, CancellationToken ct, string? label = null)
    {
        var labels = new Dictionary<string, bool> { [$"{ContainerLabels.Tool}={ContainerLabels.ToolValue}"] = true };
        if (label is not null)
        {
            labels[label] = true;
        }
        if (runId is not null)
        {
            labels[$"{ContainerLabels.RunId}={runId}"] = true;
        }
        return await client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = labels },
        }, ct);
    }
}
