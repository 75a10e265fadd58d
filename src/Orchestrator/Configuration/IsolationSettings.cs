using System.Collections.Immutable;

namespace Orchestrator.Configuration;

/// <summary>How partitions that need the same resource are kept apart.</summary>
/// <param name="Mode">Shared container with a namespace per partition, or a container per partition.</param>
/// <param name="Setup">
/// Command run inside the container to create a partition's namespace (templates: <c>{namespace}</c>,
/// <c>{secret}</c>); empty uses the resource kind's built-in setup.
/// </param>
public sealed record IsolationSettings(IsolationMode Mode, ImmutableArray<string> Setup = default)
{
    public static IsolationSettings Shared { get; } = new(IsolationMode.Shared);

    public static IsolationSettings Dedicated { get; } = new(IsolationMode.Dedicated);

    public ImmutableArray<string> Setup { get; init; } = Setup.IsDefault ? [] : Setup;
}
