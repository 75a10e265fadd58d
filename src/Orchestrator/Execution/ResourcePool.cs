using System.Collections.Immutable;
using System.Threading.Channels;
using Orchestrator.Configuration;
using Orchestrator.Resources;
using Orchestrator.Results;

namespace Orchestrator.Execution;

/// <summary>
/// The resource instances of one run: one per resource (shared) or per resource and partition
/// (dedicated), started in the background when the scheduler demands them (shortly before a unit
/// that needs them is due to get a slot), in the order demanded, at most
/// <see cref="ParallelismSettings.MaxContainers"/> alive at once, each stopped as soon as no remaining
/// unit (re-runs included) needs it.
/// </summary>
/// <remarks>
/// Whatever can run at the same time never shares a namespace: each plan unit gets its own, for each
/// repetition and attempt, so the units of a split partition are as isolated from each other as two
/// partitions are. Most suites use fixed table names and clean up after themselves; two of their
/// processes on one database fail. A dedicated resource gets its own instance per plan unit and
/// repetition for the same reason, one level up: nothing outside the namespace is shared either.
/// </remarks>
internal sealed class ResourcePool : IAsyncDisposable
{
    private readonly IResourceProvider? _provider;
    private readonly RunOptions _options;
    private readonly IRunProgress _progress;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, InstanceState> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<PartitionResource>> _namespaces = new(StringComparer.Ordinal);
    private readonly List<Task> _stops = [];
    private readonly SemaphoreSlim _containerSlots;
    private readonly CancellationTokenSource _provisioning = new();
    private readonly Channel<InstanceState> _demanded = Channel.CreateUnbounded<InstanceState>(new UnboundedChannelOptions { SingleReader = true });
    private TaskCompletionSource _changed = NewSignal();
    private Task _startLoop = Task.CompletedTask;

    public ResourcePool(IResourceProvider? provider, RunOptions options, IRunProgress progress, TimeProvider time)
    {
        _provider = provider;
        _options = options;
        _progress = progress;
        _time = time;
        _containerSlots = new SemaphoreSlim(Math.Max(1, options.Parallelism.MaxContainers));
    }

    /// <summary>Completes at the next change of any instance's state.</summary>
    public Task Changed
    {
        get
        {
            lock (_lock)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>Why a unit cannot get its resources at all, or null when it can.</summary>
    public string? Reserve(UnitAttempt attempt)
    {
        var keys = new List<(string Key, ResourceDefinition Definition)>();
        foreach (var resource in attempt.Unit.Resources)
        {
            if (!_options.Resources.TryGetValue(resource, out var definition))
            {
                return $"Resource '{resource}' is not configured: add it under 'resources' in orchestrator.json.";
            }
            if (_provider is null)
            {
                return $"Resource '{resource}' is needed but no resource provider was given to the run.";
            }
            keys.Add((InstanceKey(definition, attempt), definition));
        }
        if (keys.Count(key => key.Definition.IsContainer) > _options.Parallelism.MaxContainers)
        {
            return $"The unit needs {keys.Count} containers at once but parallelism.maxContainers is {_options.Parallelism.MaxContainers}: raise it.";
        }
        lock (_lock)
        {
            foreach (var (key, definition) in keys)
            {
                if (!_instances.TryGetValue(key, out var state))
                {
                    state = new InstanceState(key, definition, _instances.Count);
                    _instances[key] = state;
                }
                state.References++;
                state.Partitions.Add(attempt.Unit.PartitionId);
                state.FirstNamespaces.Add(NamespaceId(attempt));
            }
        }
        return null;
    }

    /// <summary>Opens the background start loop; instances start as they are demanded.</summary>
    public void Open(CancellationToken ct)
    {
        if (_provider is null)
        {
            return;
        }
        var provisioning = CancellationTokenSource.CreateLinkedTokenSource(ct, _provisioning.Token).Token;
        _startLoop = Task.Run(() => StartAsDemandedAsync(_provider, provisioning), CancellationToken.None);
    }

    /// <summary>The unit is due soon: start its instances (once each) if they are not started yet.</summary>
    public void Demand(UnitAttempt attempt)
    {
        lock (_lock)
        {
            foreach (var resource in attempt.Unit.Resources)
            {
                if (_options.Resources.TryGetValue(resource, out var definition)
                    && _instances.TryGetValue(InstanceKey(definition, attempt), out var state)
                    && !state.Demanded
                    && !state.Stopping)
                {
                    state.Demanded = true;
                    _demanded.Writer.TryWrite(state);
                }
            }
        }
    }

    public ResourceReadiness Readiness(UnitAttempt attempt, out string? failure)
    {
        failure = null;
        var readiness = ResourceReadiness.Ready;
        lock (_lock)
        {
            foreach (var resource in attempt.Unit.Resources)
            {
                var state = _instances[InstanceKey(_options.Resources[resource], attempt)];
                if (state.Failure is not null)
                {
                    failure = state.Failure;
                    return ResourceReadiness.Failed;
                }
                if (state.Instance is null)
                {
                    readiness = ResourceReadiness.Waiting;
                }
            }
        }
        return readiness;
    }

    /// <summary>The namespaces of a ready unit (created on first use) merged into its variables.</summary>
    public async Task<ImmutableDictionary<string, string>> VariablesAsync(UnitAttempt attempt, CancellationToken ct)
    {
        var variables = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var resource in attempt.Unit.Resources)
        {
            var resourceNamespace = await NamespaceAsync(attempt, _options.Resources[resource], ct).ConfigureAwait(false);
            // Only the instance's secret is registered (when it started), never a whole value that holds it: a
            // connection string in an error keeps the host, port and database the reader needs.
            foreach (var (name, value) in resourceNamespace.Variables)
            {
                variables[name] = value;
            }
        }
        return variables.ToImmutable();
    }

    /// <summary>The container instances a unit uses (external resources are not instances of the run's).</summary>
    public IReadOnlyList<string> ContainerInstancesOf(UnitAttempt attempt) =>
        [.. attempt.Unit.Resources
            .Select(resource => _options.Resources.GetValueOrDefault(resource))
            .Where(definition => definition is { IsContainer: true })
            .Select(definition => InstanceKey(definition!, attempt))
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// The unit no longer needs its instances: its namespaces are given back (emptied first, so a later unit gets them
    /// clean) and an instance nobody needs any more is stopped.
    /// </summary>
    public void Release(UnitAttempt attempt)
    {
        lock (_lock)
        {
            foreach (var resource in attempt.Unit.Resources)
            {
                if (!_options.Resources.TryGetValue(resource, out var definition)
                    || !_instances.TryGetValue(InstanceKey(definition, attempt), out var state))
                {
                    continue;
                }
                state.FirstNamespaces.Remove(NamespaceId(attempt));
                if (_namespaces.Remove(state.Key + "/" + NamespaceId(attempt), out var created) && !state.Stopping)
                {
                    _stops.Add(ReleaseNamespaceAsync(created));
                }
                state.References--;
                if (state.References == 0)
                {
                    _stops.Add(StopAsync(state));
                }
            }
        }
    }

    /// <summary>Stops whatever is still alive (after cancellation, or units that never came) within the cleanup deadline.</summary>
    public async Task StopAllAsync()
    {
        _demanded.Writer.TryComplete();
        await _provisioning.CancelAsync().ConfigureAwait(false);
        await _startLoop.ConfigureAwait(false);
        lock (_lock)
        {
            foreach (var state in _instances.Values.Where(state => !state.Stopping))
            {
                _stops.Add(StopAsync(state));
            }
        }
        Task[] stops;
        lock (_lock)
        {
            stops = [.. _stops];
        }
        await Task.WhenAll(stops).ConfigureAwait(false);
    }

    public IReadOnlyList<ContainerLifetime> Lifetimes()
    {
        lock (_lock)
        {
            return [.. _instances.Values
                .Where(state => state.CreatedAt is not null)
                .OrderBy(state => state.CreatedAt)
                .Select(state => new ContainerLifetime(
                    state.Key,
                    state.Definition.Name,
                    state.Instance?.ContainerId ?? state.FailedContainerId,
                    state.Instance?.StartedAt ?? state.CreatedAt!.Value,
                    state.Instance?.ReadyAt,
                    state.RemovedAt,
                    [.. state.Partitions.Order(StringComparer.Ordinal)])
                {
                    Ended = state.Ended,
                    FirstStartFailure = state.FirstStartFailure,
                })];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAllAsync().ConfigureAwait(false);
        foreach (var state in _instances.Values)
        {
            state.StartCancellation?.Dispose();
        }
        _provisioning.Dispose();
        _containerSlots.Dispose();
    }

    /// <summary>
    /// A shared resource has one instance per run; a dedicated one, one per plan unit and repetition. A re-run of a
    /// unit on a shared resource gets an instance of its own: a test that failed beside other units and passes with
    /// its server to itself shows an isolation problem, where a re-run beside them again would show nothing.
    /// </summary>
    private static string InstanceKey(ResourceDefinition definition, UnitAttempt attempt) =>
        definition.Isolation.Mode == IsolationMode.Dedicated
            ? attempt.Repetition == 0 ? $"{definition.Name}-{attempt.PlanUnitId}" : $"{definition.Name}-{attempt.PlanUnitId}-r{attempt.Repetition}"
            : attempt.Attempt == 0 || !definition.IsContainer ? definition.Name : $"{definition.Name}-{attempt.PlanUnitId}-r{attempt.Repetition}-a{attempt.Attempt}";

    /// <summary>One namespace per plan unit, repetition and attempt: <c>integration-postgres#2</c>, <c>integration-postgres#2-r1-a0</c>.</summary>
    private static string NamespaceId(UnitAttempt attempt) =>
        attempt.Repetition == 0 && attempt.Attempt == 0
            ? attempt.PlanUnitId
            : $"{attempt.PlanUnitId}-r{attempt.Repetition}-a{attempt.Attempt}";

    private Task<PartitionResource> NamespaceAsync(UnitAttempt attempt, ResourceDefinition definition, CancellationToken ct) =>
        NamespaceAsync(InstanceKey(definition, attempt), NamespaceId(attempt), ct);

    private Task<PartitionResource> NamespaceAsync(string instanceKey, string namespaceId, CancellationToken ct, bool ahead = false)
    {
        lock (_lock)
        {
            if (ahead && !_instances[instanceKey].FirstNamespaces.Contains(namespaceId))
            {
                // Its unit was released (cancelled, its other instance failed) before it came to be created.
                return Task.FromCanceled<PartitionResource>(new CancellationToken(canceled: true));
            }
            var key = instanceKey + "/" + namespaceId;
            if (!_namespaces.TryGetValue(key, out var created) || created.IsFaulted || created.IsCanceled)
            {
                var instance = _instances[instanceKey].Instance
                    ?? throw new InvalidOperationException($"Instance '{instanceKey}' is not ready; units start only when their instances are.");
                created = _provider!.CreateNamespaceAsync(instance, namespaceId, ct);
                _namespaces[key] = created;
            }
            return created;
        }
    }

    private async Task ReleaseNamespaceAsync(Task<PartitionResource> created)
    {
        try
        {
            var resourceNamespace = await created.ConfigureAwait(false);
            using var cleanup = new CancellationTokenSource(_options.CleanupTimeout);
            await _provider!.ReleaseNamespaceAsync(resourceNamespace, cleanup.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ResourceException or OperationCanceledException or InvalidOperationException)
        {
            // Never created, or not emptied: the provider does not hand it out again, and a unit that then finds
            // none left is told so by the provider with the fix.
        }
    }

    private async Task StartAsDemandedAsync(IResourceProvider provider, CancellationToken ct)
    {
        try
        {
            await foreach (var state in _demanded.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                await StartDemandedAsync(provider, state, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended; nothing more is started.
        }
    }

    private async Task StartDemandedAsync(IResourceProvider provider, InstanceState state, CancellationToken ct)
    {
        try
        {
            if (state.Definition.IsContainer)
            {
                await _containerSlots.WaitAsync(ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }
        lock (_lock)
        {
            if (state.Stopping)
            {
                // Every unit that needed it is gone (failed, cancelled) before it started.
                if (state.Definition.IsContainer)
                {
                    _containerSlots.Release();
                }
                return;
            }
            state.CreatedAt = _time.GetUtcNow();
            state.HoldsSlot = state.Definition.IsContainer;
            state.StartCancellation = CancellationTokenSource.CreateLinkedTokenSource(ct);
            state.Starting = StartOneAsync(provider, state, state.StartCancellation.Token);
        }
    }

    private async Task StartOneAsync(IResourceProvider provider, InstanceState state, CancellationToken ct)
    {
        _progress.ResourceStarting(state.Key, state.Definition.Name);
        try
        {
            var instance = await StartWithSecondChanceAsync(provider, state, ct).ConfigureAwait(false);
            _options.Redactor.Register(instance.Secret);
            string[] namespaces;
            lock (_lock)
            {
                state.Instance = instance;
                namespaces = [.. state.FirstNamespaces.Take(RunningAtOnce(state.Definition))];
                Signal();
            }
            _progress.ResourceReady(instance);
            CreateFirstNamespaces(state.Key, namespaces, ct);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Fail(state, $"Resource '{state.Definition.Name}' (instance '{state.Key}') failed to start: {exception.Message}", exception);
        }
        catch (OperationCanceledException)
        {
            // The run ended while it started; the provider removes a half-started container.
        }
    }

    /// <summary>
    /// A run that re-runs failed tests (cadence retries) gives a container that failed to start one fresh
    /// container in its place: a broker that boots too slowly on a busy machine is the same kind of
    /// flakiness as a test that fails once. The first failure is kept for the report, never hidden.
    /// </summary>
    private async Task<ResourceInstance> StartWithSecondChanceAsync(IResourceProvider provider, InstanceState state, CancellationToken ct)
    {
        try
        {
            return await provider.StartAsync(state.Definition, state.Key, ct).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && _options.Retries > 0 && state.Definition.IsContainer)
        {
            var cause = _options.Redactor.Redact(exception.Message);
            lock (_lock)
            {
                state.FirstStartFailure = cause;
            }
            _progress.ResourceRestarting(state.Key, state.Definition.Name, cause);
        }
        try
        {
            return await provider.StartAsync(state.Definition, state.Key, ct).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new ResourceException(state.Definition.Name,
                $"{exception.Message} A second container failed as the first did ({state.FirstStartFailure}): the cause is not a passing one.",
                exception, (exception as ResourceException)?.ContainerId);
        }
    }

    /// <summary>How many units can use one instance at the same time: no more namespaces are worth creating ahead.</summary>
    private int RunningAtOnce(ResourceDefinition definition) =>
        Math.Max(1, Math.Min(_options.Parallelism.EffectiveParallelUnits, definition.Concurrency ?? int.MaxValue));

    /// <summary>
    /// Creates the namespaces of the first units due (as many as can run at once) as soon as the instance is ready,
    /// while the units may still wait for a slot or another instance; the others are created when their unit starts.
    /// A unit awaits its namespace (and retries a failed one). Creating every unit's namespace up front would hold
    /// what a kind has few of (Redis has 63 databases) for units that run much later.
    /// </summary>
    private void CreateFirstNamespaces(string instanceKey, string[] namespaceIds, CancellationToken ct)
    {
        foreach (var namespaceId in namespaceIds)
        {
            _ = NamespaceAsync(instanceKey, namespaceId, ct, ahead: true).ContinueWith(
                static created => _ = created.Exception,
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private void Fail(InstanceState state, string cause, Exception exception)
    {
        var redacted = _options.Redactor.Redact(cause);
        lock (_lock)
        {
            state.Failure = redacted;
            state.FailedContainerId = (exception as ResourceException)?.ContainerId;
            state.RemovedAt = state.CreatedAt is null ? null : _time.GetUtcNow();
            ReleaseSlot(state);
            Signal();
        }
        _progress.ResourceFailed(state.Key, state.Definition.Name, redacted);
    }

    private async Task StopAsync(InstanceState state)
    {
        Task starting;
        lock (_lock)
        {
            if (state.Stopping)
            {
                return;
            }
            state.Stopping = true;
            starting = state.Starting;
        }
        using var cleanup = new CancellationTokenSource(_options.CleanupTimeout);
        if (!starting.IsCompleted)
        {
            // Nobody needs it any more: a start still in progress is not waited for longer than cleanup allows.
            if (state.StartCancellation is { } startCancellation)
            {
                await startCancellation.CancelAsync().ConfigureAwait(false);
            }
            await starting.WaitAsync(cleanup.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        var instance = state.Instance;
        if (instance is not null && _provider is not null)
        {
            try
            {
                var ended = await _provider.StopAsync(instance, cleanup.Token).ConfigureAwait(false);
                lock (_lock)
                {
                    state.RemovedAt = _time.GetUtcNow();
                    state.Ended = ended is null ? null : _options.Redactor.Redact($"died while in use: {ended}");
                }
                if (ended is not null)
                {
                    _progress.ResourceFailed(state.Key, state.Definition.Name, _options.Redactor.Redact($"It {ended}, before the run stopped it: tests that needed it then failed because of it."));
                }
                _progress.ResourceStopped(state.Key, state.Definition.Name);
            }
            catch (Exception exception) when (exception is ResourceException or OperationCanceledException or TimeoutException)
            {
                var cause = _options.Redactor.Redact($"Could not be removed: {exception.Message}");
                lock (_lock)
                {
                    state.Ended = cause;
                }
                _progress.ResourceFailed(state.Key, state.Definition.Name, cause + " Remove it with 'orchestrator clean' once the engine answers (the next run sweeps it too).");
            }
        }
        lock (_lock)
        {
            ReleaseSlot(state);
            Signal();
        }
    }

    private void ReleaseSlot(InstanceState state)
    {
        if (state.HoldsSlot)
        {
            state.HoldsSlot = false;
            _containerSlots.Release();
        }
    }

    private void Signal()
    {
        var changed = _changed;
        _changed = NewSignal();
        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class InstanceState(string key, ResourceDefinition definition, int order)
    {
        public string Key { get; } = key;

        public ResourceDefinition Definition { get; } = definition;

        public int Order { get; } = order;

        public HashSet<string> Partitions { get; } = new(StringComparer.Ordinal);

        /// <summary>Namespaces of the reserved units' first attempts in reservation order; the first few are created as soon as the instance is ready.</summary>
        public List<string> FirstNamespaces { get; } = [];

        public int References { get; set; }

        public Task Starting { get; set; } = Task.CompletedTask;

        public CancellationTokenSource? StartCancellation { get; set; }

        public ResourceInstance? Instance { get; set; }

        public string? Failure { get; set; }

        public string? FailedContainerId { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }

        public DateTimeOffset? RemovedAt { get; set; }

        public string? Ended { get; set; }

        public string? FirstStartFailure { get; set; }

        public bool HoldsSlot { get; set; }

        public bool Demanded { get; set; }

        public bool Stopping { get; set; }
    }
}
