using System.Collections.Concurrent;
using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.Resources;

namespace Orchestrator.Tests.Execution;

/// <summary>
/// Our own resource interface, faked for scheduling: starts wait on a gate the test opens, a named
/// resource can be made to fail, namespaces hand out <c>FIXTURE_VALUE</c> and every call is recorded.
/// </summary>
internal sealed class FakeResourceProvider : IResourceProvider
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new(StringComparer.Ordinal);

    public ConcurrentQueue<(DateTimeOffset At, string Call)> Calls { get; } = new();

    public ConcurrentDictionary<string, DateTimeOffset> ReadyAt { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, DateTimeOffset> StoppedAt { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Namespaces { get; } = new();

    public ConcurrentQueue<string> ReleasedNamespaces { get; } = new();

    private int _live;
    private int _mostLive;

    /// <summary>The most namespaces that existed at once (created and not yet released).</summary>
    public int MostLiveNamespaces => Volatile.Read(ref _mostLive);

    public ImmutableHashSet<string> Failing { get; init; } = [];

    /// <summary>Resources whose first start fails and whose later starts succeed.</summary>
    public ImmutableHashSet<string> FailingOnce { get; init; } = [];

    private readonly ConcurrentDictionary<string, int> _starts = new(StringComparer.Ordinal);

    /// <summary>Resources whose start waits until <see cref="Open"/>; others start at once.</summary>
    public ImmutableHashSet<string> Gated { get; init; } = [];

    public void Open(string resource) => Gate(resource).TrySetResult();

    public Task PrepareAsync(IReadOnlyCollection<ResourceDefinition> needed, CancellationToken ct)
    {
        Calls.Enqueue((DateTimeOffset.UtcNow, "prepare " + string.Join(",", needed.Select(d => d.Name).Order(StringComparer.Ordinal))));
        return Task.CompletedTask;
    }

    public async Task<ResourceInstance> StartAsync(ResourceDefinition definition, string instanceName, CancellationToken ct)
    {
        var createdAt = DateTimeOffset.UtcNow;
        Calls.Enqueue((createdAt, "start " + instanceName));
        if (Gated.Contains(definition.Name))
        {
            await Gate(definition.Name).Task.WaitAsync(ct);
        }
        var start = _starts.AddOrUpdate(instanceName, 1, (_, count) => count + 1);
        if (Failing.Contains(definition.Name) || (FailingOnce.Contains(definition.Name) && start == 1))
        {
            throw new ResourceException(definition.Name, $"'{definition.Name}' refused to start on purpose (start {start}).");
        }
        var readyAt = DateTimeOffset.UtcNow;
        ReadyAt[instanceName] = readyAt;
        return new ResourceInstance(definition, instanceName, "container-" + instanceName, "127.0.0.1", ImmutableDictionary<int, int>.Empty, "secret-" + Guid.NewGuid().ToString("N"), createdAt, readyAt);
    }

    public Task<PartitionResource> CreateNamespaceAsync(ResourceInstance instance, string partitionId, CancellationToken ct)
    {
        Namespaces.Enqueue($"{instance.InstanceName}/{partitionId}");
        var live = Interlocked.Increment(ref _live);
        int most;
        while (live > (most = Volatile.Read(ref _mostLive)) && Interlocked.CompareExchange(ref _mostLive, live, most) != most)
        {
        }
        var variables = ImmutableDictionary<string, string>.Empty
            .Add("FIXTURE_VALUE", "from-orchestrator")
            .Add("FIXTURE_CONNECTION", $"Host=127.0.0.1;Password={instance.Secret};Database={partitionId}");
        return Task.FromResult(new PartitionResource(instance, partitionId, partitionId, variables));
    }

    public Task ReleaseNamespaceAsync(PartitionResource resourceNamespace, CancellationToken ct)
    {
        ReleasedNamespaces.Enqueue($"{resourceNamespace.Instance.InstanceName}/{resourceNamespace.PartitionId}");
        Interlocked.Decrement(ref _live);
        return Task.CompletedTask;
    }

    public Task<string?> StopAsync(ResourceInstance instance, CancellationToken ct)
    {
        StoppedAt.TryAdd(instance.InstanceName, DateTimeOffset.UtcNow);
        Calls.Enqueue((DateTimeOffset.UtcNow, "stop " + instance.InstanceName));
        return Task.FromResult<string?>(null);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private TaskCompletionSource Gate(string resource) =>
        _gates.GetOrAdd(resource, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
