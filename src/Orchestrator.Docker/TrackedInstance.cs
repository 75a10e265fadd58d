using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.Docker.Isolation;

namespace Orchestrator.Docker;

/// <summary>What the provider remembers about an instance it started, until it is removed.</summary>
internal sealed class TrackedInstance(ResourceDefinition definition, string instanceName, string containerName, string secret, ImmutableDictionary<string, string> environment)
{
    private NamespaceCounterFile? _counter;

    private readonly NamespaceNumbers _numbers = new();

    public ResourceDefinition Definition { get; } = definition;

    public string InstanceName { get; } = instanceName;

    public string ContainerName { get; } = containerName;

    public string Secret { get; } = secret;

    /// <summary>The container environment, templates rendered.</summary>
    public ImmutableDictionary<string, string> Environment { get; } = environment;

    public string? ContainerId { get; set; }

    /// <summary>
    /// Cancelled when the instance is removed (stops watching for the container's exit). Never disposed:
    /// removal paths may race, and a source without timers holds nothing to release.
    /// </summary>
    public CancellationTokenSource Lifetime { get; } = new();

    /// <summary>Kept by <c>up</c> (adopted by a run with <c>--reuse</c>): forgetting it leaves its container running.</summary>
    public bool IsKept { get; init; }

    /// <summary>
    /// Numbers the instance's namespaces 1, 2, 3…, for kinds whose namespaces are numbered (Redis databases), the
    /// lowest returned number first; a kept instance counts in a file that every run using it shares.
    /// </summary>
    public int NextNamespaceNumber() => _counter?.Next() ?? _numbers.Next();

    /// <summary>
    /// The namespace numbered <paramref name="number"/> is emptied and no unit uses it any more. A kept instance's
    /// numbers are shared with other runs through its counter file and are not handed out again.
    /// </summary>
    public void ReturnNamespaceNumber(int number)
    {
        if (_counter is null)
        {
            _numbers.Return(number);
        }
    }

    /// <summary>Counts the namespaces in <paramref name="counter"/> from now on.</summary>
    public void CountNamespacesIn(NamespaceCounterFile counter) => _counter = counter;
}
