using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestrator.Configuration;
using Orchestrator.Docker.Cleanup;
using Orchestrator.Docker.Engine;
using Orchestrator.Docker.Images;
using Orchestrator.Docker.Isolation;
using Orchestrator.Docker.Readiness;
using Orchestrator.Resources;
using Orchestrator.Security;

namespace Orchestrator.Docker;

/// <summary>
/// Provides resources as containers on a Docker engine: images ensured (built from a local context when
/// missing), containers labelled and published on 127.0.0.1, protocol-level readiness, a namespace per
/// partition, and removal on every path (stop, failure, cancellation, dispose, orphan sweep). Thread-safe:
/// independent instances start concurrently. One engine client per provider (per run).
/// </summary>
public sealed class DockerResourceProvider : IResourceProvider
{
    private const string Loopback = "127.0.0.1";

    private readonly DockerResourceProviderOptions _options;
    private readonly DockerClient _client;
    private readonly ImagePreparer _images;
    private readonly ContainerJanitor _janitor;
    private readonly NamespaceCreator _namespaces;
    private readonly ConcurrentDictionary<string, TrackedInstance> _instances = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ReadinessReport> _reports = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task<ResourceInstance>, byte> _starting = new();
    private readonly SemaphoreSlim _engineCheck = new(1, 1);
    private volatile bool _engineAnswers;
    private int _disposed;

    public DockerResourceProvider(DockerResourceProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Endpoint = options.Endpoint ?? DockerEndpoint.FromEnvironment();
        _client = Endpoint.CreateClient();
        _images = new ImagePreparer(_client, Endpoint.ToString(), options.BaseDirectory, options.Redactor, Log);
        _janitor = new ContainerJanitor(_client, options.RemovalTimeout, Log, KeptByUp.OnThisHost);
        _namespaces = new NamespaceCreator(_client, options.Redactor, options.RunId);
    }

    /// <summary>This run's id (label <c>orchestrator.run-id</c> on every container it creates).</summary>
    public string RunId => _options.RunId;

    public DockerEndpoint Endpoint { get; }

    /// <summary>Checks once per provider that the engine answers; throws a <see cref="ResourceException"/> saying how to get one.</summary>
    public async Task EnsureEngineAsync(CancellationToken ct)
    {
        if (_engineAnswers)
        {
            return;
        }
        await _engineCheck.WaitAsync(ct);
        try
        {
            if (_engineAnswers)
            {
                return;
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            try
            {
                await _client.System.PingAsync(timeout.Token);
                _engineAnswers = true;
            }
            catch (Exception exception) when (!ct.IsCancellationRequested && exception is not ResourceException)
            {
                var failure = EngineFailure.Explain(Endpoint, exception);
                throw new ResourceException(Redact($"The Docker engine at {Endpoint} does not answer: {failure.Problem}. {failure.Fix}"), exception);
            }
        }
        finally
        {
            _engineCheck.Release();
        }
    }

    public async Task PrepareAsync(IReadOnlyCollection<ResourceDefinition> needed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(needed);
        var containers = needed.Where(definition => definition.IsContainer).ToList();
        if (containers.Count == 0)
        {
            return;
        }
        await EnsureEngineAsync(ct);
        if (_options.SweepOrphansOnPrepare)
        {
            await SweepOrphansAsync(ct);
        }
        await Task.WhenAll(containers.Select(definition => _images.EnsureAsync(definition, ct)));
    }

    public Task<ResourceInstance> StartAsync(ResourceDefinition definition, string instanceName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var start = StartCoreAsync(definition, instanceName, ct);
        _starting.TryAdd(start, 0);
        start.ContinueWith(finished => _starting.TryRemove(finished, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return start;
    }

    private async Task<ResourceInstance> StartCoreAsync(ResourceDefinition definition, string instanceName, CancellationToken ct)
    {
        if (definition.IsContainer && _options.Kept.TryGetValue(instanceName, out var kept))
        {
            return await AdoptAsync(definition, instanceName, kept, ct);
        }
        var createdAt = DateTimeOffset.UtcNow;
        var secret = SecretGenerator.Create();
        _options.Redactor.Register(secret);
        var environment = RenderEnvironment(definition, secret);
        var tracked = new TrackedInstance(definition, instanceName, ContainerName(instanceName), secret, environment);
        if (_options.KeptBy is not null)
        {
            CountNamespaces(tracked);
        }
        if (!_instances.TryAdd(instanceName, tracked))
        {
            throw new ResourceException(definition.Name, $"An instance named '{instanceName}' is already running in this run: instance names must be unique.");
        }
        // Stopping or disposing while the start is under way ends the start too.
        using var startOrStop = CancellationTokenSource.CreateLinkedTokenSource(ct, tracked.Lifetime.Token);
        try
        {
            return definition.IsContainer
                ? await StartContainerAsync(tracked, createdAt, startOrStop.Token)
                : await StartExternalAsync(tracked, createdAt, startOrStop.Token);
        }
        catch (Exception exception)
        {
            await ForgetAndRemoveAsync(tracked);
            if (exception is OperationCanceledException && !ct.IsCancellationRequested)
            {
                throw new ResourceException(definition.Name,
                    $"Instance '{instanceName}' of '{definition.Name}' was stopped (StopAsync or disposal) while it was starting.", exception, tracked.ContainerId);
            }
            if (exception is OperationCanceledException or ResourceException)
            {
                throw;
            }
            throw new ResourceException(definition.Name, Redact(
                $"Resource '{definition.Name}' (instance '{instanceName}', image '{definition.Image}') could not be started on {Endpoint}: {exception.Message}"),
                exception, tracked.ContainerId);
        }
    }

    public async Task<PartitionResource> CreateNamespaceAsync(ResourceInstance instance, string namespaceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (!_instances.TryGetValue(instance.InstanceName, out var tracked))
        {
            throw new ResourceException(instance.Definition.Name,
                $"Instance '{instance.InstanceName}' is not running in this run (stopped already, or started by another provider): start it before creating namespace '{namespaceId}'.");
        }
        var (name, user) = await _namespaces.CreateAsync(tracked, instance, namespaceId, ct);
        var values = new TemplateValues(instance.Host, instance.PrimaryPort, instance.Ports, instance.Secret, user, name, RunId);
        var variables = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (variable, template) in instance.Definition.Variables)
        {
            try
            {
                variables[variable] = VariableTemplate.Render(template, values);
            }
            catch (FormatException exception)
            {
                throw new ResourceException(instance.Definition.Name,
                    $"Variable '{variable}' of resource '{instance.Definition.Name}' cannot be rendered: {exception.Message} Fix its template in the configuration.", exception);
            }
        }
        return new PartitionResource(instance, namespaceId, name, variables.ToImmutable());
    }

    public Task ReleaseNamespaceAsync(PartitionResource resourceNamespace, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(resourceNamespace);
        var instance = resourceNamespace.Instance;
        // An instance already removed took its namespaces with it.
        return _instances.TryGetValue(instance.InstanceName, out var tracked) && tracked.ContainerId == instance.ContainerId
            ? _namespaces.ReleaseAsync(tracked, instance, resourceNamespace.Namespace, ct)
            : Task.CompletedTask;
    }

    /// <summary>
    /// Lets every instance started so far outlive the provider: disposing no longer removes them (<c>up</c> keeps them
    /// for later runs; <c>down</c> removes them).
    /// </summary>
    public void Keep()
    {
        foreach (var tracked in _instances.Values.ToList())
        {
            _instances.TryRemove(new KeyValuePair<string, TrackedInstance>(tracked.InstanceName, tracked));
            tracked.Lifetime.Cancel();
        }
    }

    /// <summary>Whether the container exists and runs.</summary>
    public async Task<bool> IsRunningAsync(string containerId, CancellationToken ct)
    {
        await EnsureEngineAsync(ct);
        try
        {
            return (await _client.Containers.InspectContainerAsync(containerId, ct)).State.Running;
        }
        catch (DockerContainerNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Removes every container kept by the <c>up</c> whose state file is <paramref name="stateFile"/>. Returns the removed container ids.</summary>
    public async Task<IReadOnlyList<string>> RemoveKeptAsync(string stateFile, CancellationToken ct)
    {
        await EnsureEngineAsync(ct);
        return await _janitor.RemoveKeptAsync(stateFile, ct);
    }

    /// <summary>Removes the instance's container (force). Idempotent. Removal runs to completion under its own deadline, even when <paramref name="ct"/> is cancelled.</summary>
    public async Task<string?> StopAsync(ResourceInstance instance, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var ended = instance.ContainerId is null ? null : await _janitor.EndedAsync(instance.ContainerId, ct);
        if (_instances.TryGetValue(instance.InstanceName, out var tracked) && tracked.ContainerId == instance.ContainerId)
        {
            await ForgetAndRemoveAsync(tracked);
        }
        else if (instance.ContainerId is not null && !_options.Kept.Values.Any(kept => kept.ContainerId == instance.ContainerId))
        {
            await _janitor.RemoveAsync(instance.ContainerId);
        }
        return ended;
    }

    /// <summary>
    /// Removes containers of earlier runs whose owner is gone (see <c>OrphanRule</c>: same host and
    /// owner process dead or its pid reused; another host and older than
    /// <see cref="DockerResourceProviderOptions.ForeignHostOrphanAge"/>). Returns the removed container ids.
    /// </summary>
    public async Task<IReadOnlyList<string>> SweepOrphansAsync(CancellationToken ct)
    {
        await EnsureEngineAsync(ct);
        var rule = new OrphanRule(RunId, OwnerProcess.Current.Host, _options.ForeignHostOrphanAge, OwnerProcess.IsAlive, KeptByUp.OnThisHost);
        return await _janitor.SweepAsync(rule, ct);
    }

    /// <summary>Removes every container labelled <c>orchestrator.tool=orchestrator</c>, or only one run's. Returns the removed container ids.</summary>
    public async Task<IReadOnlyList<string>> CleanAllAsync(string? runId, CancellationToken ct)
    {
        await EnsureEngineAsync(ct);
        return await _janitor.CleanAsync(runId, ct);
    }

    /// <summary>How the named instance became ready (probe, attempts, times); null when it is not (yet) ready.</summary>
    public ReadinessReport? GetReadinessReport(string instanceName) => _reports.GetValueOrDefault(instanceName);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await Task.WhenAll(_instances.Values.ToList().Select(RemoveOrLogAsync));
        // Starts still in flight (a cancelled run disposing at once) clean up after themselves with the client: let them.
        var starting = _starting.Keys.ToArray();
        if (starting.Length > 0)
        {
            await Task.WhenAny(Task.WhenAll(starting), Task.Delay(_options.RemovalTimeout, CancellationToken.None));
            await Task.WhenAll(_instances.Values.ToList().Select(RemoveOrLogAsync));
        }
        _client.Dispose();
        _engineCheck.Dispose();
    }

    /// <summary>Uses the container <c>up</c> keeps for the instance: checked to be running and ready, never removed by this provider.</summary>
    private async Task<ResourceInstance> AdoptAsync(ResourceDefinition definition, string instanceName, KeptContainer kept, CancellationToken ct)
    {
        _options.Redactor.Register(kept.Secret);
        // The kind's module reads the user and password from the container's environment, rendered as when it was started.
        var tracked = new TrackedInstance(definition, instanceName, kept.ContainerId, kept.Secret, RenderEnvironment(definition, kept.Secret))
        {
            IsKept = true,
            ContainerId = kept.ContainerId,
        };
        CountNamespaces(tracked);
        if (!_instances.TryAdd(instanceName, tracked))
        {
            throw new ResourceException(definition.Name, $"An instance named '{instanceName}' is already running in this run: instance names must be unique.");
        }
        var at = DateTimeOffset.UtcNow;
        try
        {
            if (!await IsRunningAsync(kept.ContainerId, ct))
            {
                throw new ResourceException(definition.Name,
                    $"The container 'orchestrator up' keeps for '{definition.Name}' ({kept.ContainerId[..12]}) is no longer running: run 'orchestrator down' and 'orchestrator up' again, or run without --reuse.",
                    containerId: kept.ContainerId);
            }
            Log($"Reusing container {kept.ContainerId[..12]} of '{definition.Name}' that 'orchestrator up' keeps.");
            var instance = new ResourceInstance(definition, instanceName, kept.ContainerId, Loopback, kept.Ports, kept.Secret, at, at);
            return await WaitUntilReadyAsync(tracked, instance, at, exited: null, ct);
        }
        catch
        {
            await ForgetAndRemoveAsync(tracked);
            throw;
        }
    }

    private void CountNamespaces(TrackedInstance tracked)
    {
        if (_options.NamespaceCounterDirectory is { } directory)
        {
            tracked.CountNamespacesIn(new NamespaceCounterFile(Path.Combine(directory, tracked.InstanceName), tracked.Definition.Name));
        }
    }

    private async Task<ResourceInstance> StartContainerAsync(TrackedInstance tracked, DateTimeOffset createdAt, CancellationToken ct)
    {
        var definition = tracked.Definition;
        await EnsureEngineAsync(ct);
        await _images.EnsureAsync(definition, ct);
        // Creation is short and not interrupted: once it returns the id is known, so a cancelled start can remove it.
        using (var createTimeout = new CancellationTokenSource(_options.RemovalTimeout))
        {
            var created = await _client.Containers.CreateContainerAsync(CreateParameters(tracked, createdAt), createTimeout.Token);
            tracked.ContainerId = created.ID;
        }
        ct.ThrowIfCancellationRequested();
        // Disposed while creating: the container was made after disposal removed everything; remove it too.
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var containerId = tracked.ContainerId;
        await _client.Containers.StartContainerAsync(containerId, new ContainerStartParameters(), ct);
        var runningAt = DateTimeOffset.UtcNow;
        var exited = WatchExitAsync(containerId, tracked.Lifetime.Token);
        var inspected = await _client.Containers.InspectContainerAsync(containerId, ct);
        if (!inspected.State.Running)
        {
            throw await ExitedAsync(tracked, inspected.State.ExitCode);
        }
        var instance = new ResourceInstance(definition, tracked.InstanceName, containerId, Loopback, PublishedPorts(definition, inspected), tracked.Secret, createdAt, createdAt);
        _options.ContainerStarted?.Invoke(new ContainerStarted(tracked.InstanceName, containerId, instance.Ports, tracked.Secret, createdAt));
        return await WaitUntilReadyAsync(tracked, instance, runningAt, exited, ct);
    }

    private async Task<ResourceInstance> StartExternalAsync(TrackedInstance tracked, DateTimeOffset createdAt, CancellationToken ct)
    {
        var definition = tracked.Definition;
        var ports = definition.Ports.Distinct().ToImmutableDictionary(port => port, port => port);
        var instance = new ResourceInstance(definition, tracked.InstanceName, ContainerId: null, Loopback, ports, tracked.Secret, createdAt, createdAt);
        return await WaitUntilReadyAsync(tracked, instance, createdAt, exited: null, ct);
    }

    private async Task<ResourceInstance> WaitUntilReadyAsync(TrackedInstance tracked, ResourceInstance instance, DateTimeOffset runningAt, Task<long?>? exited, CancellationToken ct)
    {
        var definition = tracked.Definition;
        var probe = ProbeFactory.Create(instance, _client);
        var deadline = definition.Readiness.Deadline ?? _options.Timeouts.Readiness;
        int attempts;
        try
        {
            attempts = await ReadinessWaiter.WaitAsync(probe, definition.Readiness, deadline, exited, ct);
        }
        catch (ContainerExitedException exception)
        {
            throw await ExitedAsync(tracked, exception.ExitCode);
        }
        catch (ReadinessTimeoutException exception)
        {
            var logs = tracked.ContainerId is null ? null : await ContainerCommands.TailForMessageAsync(_client, tracked.ContainerId);
            var message = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"Resource '{definition.Name}' (instance '{tracked.InstanceName}'")
                .Append(tracked.ContainerId is null ? string.Empty : $", container {tracked.ContainerId[..12]}")
                .Append(CultureInfo.InvariantCulture, $") was not ready within {deadline.TotalSeconds:0.###} s: probe {probe.Description} failed {exception.Attempts} times; last error: {exception.LastError ?? "none"}. ")
                .Append(CultureInfo.InvariantCulture, $"If it is just slow, raise resources.{definition.Name}.readiness.deadlineSeconds (or timeouts.readinessSeconds for every resource) in orchestrator.json; otherwise fix the probe or the service's configuration.");
            if (logs is not null)
            {
                message.AppendLine().Append("Last log lines:").AppendLine().Append(logs);
            }
            throw new ResourceException(definition.Name, Redact(message.ToString()), exception, tracked.ContainerId);
        }
        var readyAt = DateTimeOffset.UtcNow;
        _reports[tracked.InstanceName] = new ReadinessReport(tracked.InstanceName, probe.Description, attempts, instance.StartedAt, runningAt, readyAt);
        return instance with { ReadyAt = readyAt };
    }

    private async Task<ResourceException> ExitedAsync(TrackedInstance tracked, long exitCode)
    {
        var logs = await ContainerCommands.TailForMessageAsync(_client, tracked.ContainerId!);
        return new ResourceException(tracked.Definition.Name, Redact(
            $"Resource '{tracked.Definition.Name}' (instance '{tracked.InstanceName}', container {tracked.ContainerId![..12]}, image '{tracked.Definition.Image}') exited with code {exitCode} while starting. " +
            $"Check its command and environment. Last log lines:{Environment.NewLine}{logs}"),
            containerId: tracked.ContainerId);
    }

    private async Task<long?> WatchExitAsync(string containerId, CancellationToken lifetime)
    {
        try
        {
            var response = await _client.Containers.WaitContainerAsync(containerId, lifetime);
            return response.StatusCode;
        }
        catch (Exception exception) when (exception is OperationCanceledException or DockerApiException or HttpRequestException or IOException)
        {
            return null;
        }
    }

    /// <summary>Forgets the instance and removes its container; safe to call from several paths at once.</summary>
    /// <summary>Disposal removes what it can: a container the engine cannot remove now is named, never thrown about after the run.</summary>
    private async Task RemoveOrLogAsync(TrackedInstance tracked)
    {
        try
        {
            await ForgetAndRemoveAsync(tracked);
        }
        catch (ResourceException exception)
        {
            _options.Log?.Invoke(Redact(exception.Message));
        }
    }

    private async Task ForgetAndRemoveAsync(TrackedInstance tracked)
    {
        _instances.TryRemove(new KeyValuePair<string, TrackedInstance>(tracked.InstanceName, tracked));
        await tracked.Lifetime.CancelAsync();
        if (tracked.ContainerId is not null && !tracked.IsKept)
        {
            await _janitor.RemoveAsync(tracked.ContainerId);
        }
    }

    private CreateContainerParameters CreateParameters(TrackedInstance tracked, DateTimeOffset createdAt)
    {
        var definition = tracked.Definition;
        var owner = OwnerProcess.Current;
        var hostAddress = definition.ExposeBeyondLoopback ? string.Empty : Loopback;
        var parameters = new CreateContainerParameters
        {
            Name = tracked.ContainerName,
            Image = definition.Image,
            Env = [.. tracked.Environment.Select(variable => $"{variable.Key}={variable.Value}")],
            Cmd = definition.Command.IsEmpty ? null : [.. definition.Command],
            Labels = new Dictionary<string, string>
            {
                [ContainerLabels.Tool] = ContainerLabels.ToolValue,
                [ContainerLabels.RunId] = RunId,
                [ContainerLabels.OwnerPid] = owner.Pid.ToString(CultureInfo.InvariantCulture),
                [ContainerLabels.OwnerHost] = owner.Host,
                [ContainerLabels.OwnerStarted] = owner.StartedAtLabel,
                [ContainerLabels.Resource] = definition.Name,
                [ContainerLabels.Instance] = tracked.InstanceName,
                [ContainerLabels.Created] = createdAt.ToString("O", CultureInfo.InvariantCulture),
            },
            ExposedPorts = definition.Ports.Distinct().ToDictionary(PortKey, _ => default(EmptyStruct)),
            HostConfig = new HostConfig
            {
                PortBindings = definition.Ports.Distinct().ToDictionary(
                    PortKey,
                    _ => (IList<PortBinding>)[new PortBinding { HostIP = hostAddress, HostPort = string.Empty }]),
                Memory = definition.MemoryLimitBytes ?? 0,
            },
        };
        if (_options.KeptBy is { } stateFile)
        {
            parameters.Labels[ContainerLabels.KeptBy] = stateFile;
        }
        return parameters;
    }

    private static ImmutableDictionary<int, int> PublishedPorts(ResourceDefinition definition, ContainerInspectResponse inspected)
    {
        var ports = ImmutableDictionary.CreateBuilder<int, int>();
        foreach (var port in definition.Ports.Distinct())
        {
            var binding = inspected.NetworkSettings.Ports.TryGetValue(PortKey(port), out var bindings) ? bindings?.FirstOrDefault() : null;
            if (binding is null || !int.TryParse(binding.HostPort, NumberStyles.None, CultureInfo.InvariantCulture, out var hostPort))
            {
                throw new ResourceException(definition.Name, $"The engine published no host port for container port {port} of '{definition.Name}' (container {inspected.ID[..12]}).", containerId: inspected.ID);
            }
            ports[port] = hostPort;
        }
        return ports.ToImmutable();
    }

    private ImmutableDictionary<string, string> RenderEnvironment(ResourceDefinition definition, string secret)
    {
        var values = new TemplateValues(Loopback, Port: null, ImmutableDictionary<int, int>.Empty, secret, string.Empty, string.Empty, RunId);
        var environment = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (name, template) in definition.Environment)
        {
            try
            {
                environment[name] = VariableTemplate.Render(template, values);
            }
            catch (FormatException exception)
            {
                throw new ResourceException(definition.Name,
                    $"Environment variable '{name}' of resource '{definition.Name}' cannot be rendered: {exception.Message} Container environments know {{secret}}, {{runId}}, {{host}} and {{env:NAME}}.", exception);
            }
        }
        return environment.ToImmutable();
    }

    private static string PortKey(int port) => port.ToString(CultureInfo.InvariantCulture) + "/tcp";

    private static string ContainerName(string instanceName)
    {
        var name = new StringBuilder("orchestrator-");
        foreach (var c in instanceName.Length > 40 ? instanceName[..40] : instanceName)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '-');
        }
        return name.Append('-').Append(SecretGenerator.Create(8).ToLowerInvariant()).ToString();
    }

    private string Redact(string text) => _options.Redactor.Redact(text);

    private void Log(string message) => _options.Log?.Invoke(Redact(message));
}
