using System.Collections.Immutable;

namespace Orchestrator.Configuration.Kinds;

/// <summary>
/// Everything the core knows about a built-in container kind, in one value: how the configuration spells it, the
/// port its protocol listens on, the environment its image needs, how its units are kept apart by default, the
/// connection string <c>init</c> writes for it, and the evidence by which <c>init</c> recognises that tests use it.
/// The kind's readiness probe and namespaces live in its folder of the Docker provider.
/// </summary>
internal sealed record KindDescriptor
{
    public required ResourceKind Kind { get; init; }

    /// <summary>The spelling in <c>"kind"</c>, the resource name <c>init</c> writes, and the local image's name (<c>orchestrator/{Name}:local</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The service's name in messages.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The ports published when a resource lists none; the first is the protocol's.</summary>
    public required ImmutableArray<int> Ports { get; init; }

    /// <summary>How units running at the same time are kept apart when the resource does not say.</summary>
    public required IsolationSettings Isolation { get; init; }

    /// <summary>What a unit's namespace is, for the audit (<c>a database per unit on a shared server</c>).</summary>
    public required string NamespaceDescription { get; init; }

    /// <summary>The environment the image needs (templates), written by <c>init</c> and filled in at reading when the resource sets none of <see cref="EnvironmentChosenBy"/>.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Environment { get; init; } = [];

    /// <summary>Variables any of which, when the resource sets it, mean its environment is its own choice; defaults to <see cref="Environment"/>'s keys.</summary>
    public ImmutableArray<string> EnvironmentChosenBy { get; init; } = [];

    /// <summary>Whether reading fills <see cref="Environment"/> in; false when the image runs as well without it.</summary>
    public bool FillsEnvironment { get; init; } = true;

    /// <summary>The variable holding the server's password, checked against the <c>Password=</c> of the resource's variables; null when none is checked.</summary>
    public string? PasswordVariable { get; init; }

    /// <summary>The connection string over a unit's server <c>init</c> writes when it sees no value to rewrite.</summary>
    public required string ConnectionTemplate { get; init; }

    /// <summary>The variable carrying <see cref="ConnectionTemplate"/> when the tests read none <c>init</c> could see.</summary>
    public required string ConnectionVariable { get; init; }

    /// <summary>Client packages that talk to the service (each also covers the packages whose names continue it after a dot).</summary>
    public required ImmutableArray<string> ClientPackages { get; init; }

    /// <summary>Words an image's name contains when it runs the service.</summary>
    public required ImmutableArray<string> ImageWords { get; init; }

    /// <summary>Schemes of connection URIs to the service.</summary>
    public ImmutableArray<string> UriSchemes { get; init; } = [];

    /// <summary>Words (upper case) a variable's name contains when it points at the service.</summary>
    public required ImmutableArray<string> VariableWords { get; init; }

    /// <summary>Prefixes (upper case) of a variable's name that point at the service (libpq's <c>PGHOST</c>).</summary>
    public ImmutableArray<string> VariablePrefixes { get; init; } = [];

    /// <summary>Whether its connection strings are <c>Key=Value;…</c> pairs (host, port, database, password) that init rewrites key by key.</summary>
    public bool HasKeyValueConnectionString { get; init; }

    /// <summary>The Testcontainers builder that starts the service.</summary>
    public string? TestcontainersBuilder { get; init; }

    /// <summary>Whether a resource setting <paramref name="variable"/> chose its environment itself.</summary>
    public bool ChoosesEnvironment(string variable) =>
        (EnvironmentChosenBy.IsEmpty ? Environment.Select(variable => variable.Key) : EnvironmentChosenBy).Contains(variable, StringComparer.Ordinal);
}
