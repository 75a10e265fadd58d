using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Orchestrator.Configuration;
using Orchestrator.Docker;
using Orchestrator.Docker.Cleanup;
using Orchestrator.Resources;
using Orchestrator.Results;
using Orchestrator.Security;
using Orchestrator.Up;

namespace Orchestrator.Pipeline.Up;

/// <summary>
/// <c>up</c> and <c>down</c> as library calls: the resources a plan needs, started as a run starts them (same images,
/// readiness, labels), with a namespace each, kept after the call returns until <c>down</c>; what tests need to reach them
/// written into <c>.orchestrator/env</c> and <c>.orchestrator/orchestrator.runsettings</c>.
/// </summary>
public static class UpPipeline
{
    /// <summary>The namespace id of the namespace <c>up</c> makes in each resource for the IDE and plain <c>dotnet test</c>.</summary>
    private const string NamespaceId = "up";

    /// <param name="workspace">The repository and its configuration.</param>
    /// <param name="planned">The selection whose resources to start.</param>
    /// <param name="redactor">Receives every secret; <paramref name="log"/> lines are masked through it.</param>
    /// <param name="log">Progress: images, each resource starting and ready.</param>
    /// <param name="ct">Cancels; whatever was started is removed.</param>
    /// <exception cref="UsageException">The selection needs no container, or what an earlier <c>up</c> keeps is gone.</exception>
    public static async Task<UpResult> UpAsync(Workspace workspace, PlannedRun planned, SecretRedactor redactor, Action<string> log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(redactor);
        ArgumentNullException.ThrowIfNull(log);
        if (await ExistingAsync(workspace, redactor, ct) is { } existing)
        {
            return existing;
        }
        var files = UpFiles.Of(workspace);
        var configuration = workspace.Configuration;
        var needed = PlanResources.Needed(planned.Plan, configuration);
        if (needed.Count == 0)
        {
            throw new UsageException(
                $"The selection needs no resource, so there is nothing to keep up: give a cadence or a slice whose tests need one (orchestrator up --cadence pr, or --filter \"Resource=postgres\"); 'orchestrator run' runs these tests as they are.");
        }
        PlanResources.ThrowOnUnsetVariables(needed, configuration);

        var runId = "up-" + RunIds.New(DateTimeOffset.UtcNow);
        var startedAt = DateTimeOffset.UtcNow;
        await using var provider = new DockerResourceProvider(new DockerResourceProviderOptions
        {
            Redactor = redactor,
            RunId = runId,
            Timeouts = configuration.Timeouts,
            BaseDirectory = workspace.Root,
            Log = log,
            KeptBy = files.StateFile,
            NamespaceCounterDirectory = files.NamespaceCounters,
        });
        await provider.PrepareAsync(needed, ct);
        var instances = await Task.WhenAll(needed.Select(definition => StartAsync(provider, definition, redactor, log, ct)));

        var variables = configuration.TestEnvironment.ToImmutableSortedDictionary(StringComparer.Ordinal)
            .SetItems(instances.SelectMany(instance => instance.Variables));
        var state = new UpState(
            runId,
            OwnerProcess.Current.Host,
            OwnerProcess.Current.Pid,
            startedAt,
            configuration.SourcePath,
            [.. instances.Select(started => new UpInstance(
                started.Instance.Definition.Name,
                started.Instance.ContainerId,
                started.Instance.Ports.ToImmutableSortedDictionary(),
                started.Instance.Secret,
                started.Namespace))],
            variables);
        var header = $"Written by 'orchestrator up' for {configuration.SourcePath} at {startedAt.ToString("u", CultureInfo.InvariantCulture)}; 'orchestrator down' removes it.";
        string envText, runSettingsText;
        try
        {
            envText = EnvFile.Render(header, variables);
            runSettingsText = RunSettingsFile.Render(header, variables);
        }
        catch (FormatException invalid)
        {
            throw new UsageException($"{invalid.Message} ({configuration.SourcePath}); the containers were removed.");
        }
        files.Save(state);
        File.WriteAllText(files.EnvFile, envText);
        File.WriteAllText(files.RunSettingsFile, runSettingsText);
        provider.Keep();
        return Result(alreadyUp: false, files, state);
    }

    /// <summary>Removes what <c>up</c> keeps for the workspace: its containers (with their namespaces), the state and the written files.</summary>
    /// <returns>The removed container ids.</returns>
    /// <exception cref="UsageException">Nothing is up for the workspace.</exception>
    public static async Task<IReadOnlyList<string>> DownAsync(Workspace workspace, SecretRedactor redactor, Action<string> log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var files = UpFiles.Of(workspace);
        if (!File.Exists(files.StateFile))
        {
            throw new UsageException(
                $"Nothing is up for {workspace.Configuration.SourcePath}: there is no {files.StateFile}. 'orchestrator up' starts the services a cadence or a slice needs and keeps them until 'orchestrator down'.");
        }
        await using var provider = new DockerResourceProvider(new DockerResourceProviderOptions
        {
            Redactor = redactor,
            BaseDirectory = workspace.Root,
            Log = log,
        });
        // By label, not by the ids the state lists: a state file that cannot be read still leaves its containers found.
        var removed = await provider.RemoveKeptAsync(files.StateFile, ct);
        files.Delete();
        return removed;
    }

    /// <summary>
    /// The containers <c>up</c> keeps that a run with <c>--reuse</c> uses for <paramref name="needed"/>, by instance name;
    /// says on <paramref name="log"/> which it reuses and which are started as usual, and why.
    /// </summary>
    internal static IReadOnlyDictionary<string, KeptContainer> Reusable(Workspace workspace, IReadOnlyCollection<ResourceDefinition> needed, SecretRedactor redactor, Action<string> log)
    {
        var files = UpFiles.Of(workspace);
        var state = files.Load();
        var kept = new Dictionary<string, KeptContainer>(StringComparer.Ordinal);
        if (state is null)
        {
            if (needed.Any(definition => definition.IsContainer))
            {
                log($"--reuse: nothing is up ({files.StateFile} does not exist), so containers are started as usual; 'orchestrator up' keeps them up for the runs that follow.");
            }
            return kept;
        }
        foreach (var definition in needed.Where(definition => definition.IsContainer))
        {
            var instance = state.Instances.FirstOrDefault(instance => instance.Resource == definition.Name && instance.ContainerId is not null);
            if (instance is null)
            {
                log($"--reuse: '{definition.Name}' is not up, so a container is started for it as usual ('orchestrator down', then 'orchestrator up' with a selection that needs it, keeps it up too).");
            }
            else if (definition.Isolation.Mode == IsolationMode.Dedicated)
            {
                log($"--reuse: '{definition.Name}' is dedicated (a server of its own per unit), so its containers are started as usual.");
            }
            else
            {
                redactor.Register(instance.Secret);
                kept[definition.Name] = new KeptContainer(instance.ContainerId!, instance.Ports.ToImmutableDictionary(), instance.Secret);
            }
        }
        return kept;
    }

    /// <summary>What an earlier <c>up</c> keeps for the workspace; null when nothing is up.</summary>
    /// <exception cref="UsageException">Containers it keeps no longer run (the engine restarted, or they were removed by hand).</exception>
    public static async Task<UpResult?> ExistingAsync(Workspace workspace, SecretRedactor redactor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(redactor);
        var files = UpFiles.Of(workspace);
        if (files.Load() is not { } state)
        {
            return null;
        }
        foreach (var instance in state.Instances)
        {
            redactor.Register(instance.Secret);
        }
        await using var provider = new DockerResourceProvider(new DockerResourceProviderOptions { Redactor = redactor });
        var gone = new List<string>();
        foreach (var instance in state.Instances.Where(instance => instance.ContainerId is not null))
        {
            if (!await provider.IsRunningAsync(instance.ContainerId!, ct))
            {
                gone.Add($"{instance.Resource} ({instance.ContainerId![..12]})");
            }
        }
        if (gone.Count > 0)
        {
            throw new UsageException(
                $"An earlier 'orchestrator up' ({files.StateFile}) keeps containers that no longer run: {string.Join(", ", gone)}. Run 'orchestrator down' to remove what is left, then 'orchestrator up' again.");
        }
        return Result(alreadyUp: true, files, state);
    }

    private static UpResult Result(bool alreadyUp, UpFiles files, UpState state) => new(
        alreadyUp,
        state.StartedAt,
        files,
        [.. state.Instances.Select(instance => new UpService(instance.Resource, instance.ContainerId, instance.Ports, instance.Namespace))],
        state.Variables);

    private static async Task<PartitionResource> StartAsync(DockerResourceProvider provider, ResourceDefinition definition, SecretRedactor redactor, Action<string> log, CancellationToken ct)
    {
        log($"{definition.Name}: starting ({definition.Image ?? "provided by the environment"})…");
        var clock = Stopwatch.StartNew();
        var instance = await provider.StartAsync(definition, definition.Name, ct);
        var created = await provider.CreateNamespaceAsync(instance, NamespaceId, ct);
        var where = string.Join(", ", instance.Ports.OrderBy(port => port.Key).Select(port => $"{instance.Host}:{port.Value} → {port.Key}"));
        log(redactor.Redact($"{definition.Name}: ready in {clock.Elapsed.TotalSeconds:0.0} s{(instance.ContainerId is { } id ? $", container {id[..12]}" : "")}, {where}, namespace '{created.Namespace}'."));
        return created;
    }
}
