using System.Collections.Immutable;

namespace Orchestrator.Adoption;

/// <summary>What a test project's code uses, as far as a text scan can tell: client namespaces, the variables and
/// configuration keys it reads, the containers it starts itself, and operations that reach beyond one namespace.</summary>
internal sealed record SourceUsage
{
    public static SourceUsage None { get; } = new();

    /// <summary>Resources whose client namespace the code imports (<c>using Npgsql;</c>), each with the first place.</summary>
    public ImmutableDictionary<string, string> Clients { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Resources the code opens a connection to itself (<c>ConnectionMultiplexer.Connect(…)</c>, <c>new NpgsqlConnection(…)</c>), each with the first place;
    /// code that imports a client only to mock its interfaces opens none.</summary>
    public ImmutableDictionary<string, string> Connections { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableArray<VariableRead> Reads { get; init; } = [];

    public ImmutableArray<ContainerStart> Containers { get; init; } = [];

    public ImmutableArray<FixedHostPort> FixedPorts { get; init; } = [];

    /// <summary>Server addresses on this machine the code writes as literals, which no variable redirects.</summary>
    public ImmutableArray<FixedAddress> FixedAddresses { get; init; } = [];

    public ImmutableArray<ServerWideUse> ServerWide { get; init; } = [];
}
