using System.Collections.Immutable;

namespace Orchestrator.Configuration;

/// <summary>
/// The keys each object of <c>orchestrator.json</c> accepts (anything else is an error, with the nearest
/// of these suggested). <c>eng/schema/orchestrator.schema.json</c> declares the same keys.
/// </summary>
internal static class ConfigurationKeys
{
    public static ImmutableArray<string> Root { get; } =
        ["$schema", "solution", "traits", "layers", "defaultLayer", "cadences", "resources", "parallelism", "timeouts", "execution", "flakyFailsBuild", "ignoreProjects", "testEnvironment", "rules", "description", "build", "testSettings", "coverage", "cache", "history"];

    public static ImmutableArray<string> Traits { get; } = ["layer", "resource"];

    /// <summary>Keys of the root <c>testSettings</c> section (what every unit's test run gets).</summary>
    public static ImmutableArray<string> TestSettings { get; } = ["runSettings", "loggers", "collectors"];

    /// <summary>Keys of the root <c>coverage</c> section.</summary>
    public static ImmutableArray<string> Coverage { get; } = ["enabled", "include", "exclude", "excludeByAttribute"];

    /// <summary>Keys of the root <c>history</c> section.</summary>
    public static ImmutableArray<string> History { get; } = ["enabled", "path", "postgres", "retention", "quarantineCandidatePercent"];

    /// <summary>Keys of <c>history.postgres</c>; <c>connectionString</c> is known only to be refused with the fix.</summary>
    public static ImmutableArray<string> HistoryPostgres { get; } = ["connectionStringVariable", "connectionString"];

    /// <summary>Keys of <c>history.retention</c>.</summary>
    public static ImmutableArray<string> HistoryRetention { get; } = ["days", "runs"];

    public static ImmutableArray<string> Cadence { get; } = ["layers", "resources", "repeat", "retries", "quarantine", "cache"];

    public static ImmutableArray<string> Cache { get; } = ["inputs", "directory", "maxSizeMb"];

    public static ImmutableArray<string> QuarantineEntry { get; } = ["test", "owner", "reason", "expires"];

    public static ImmutableArray<string> Resource { get; } =
        ["kind", "image", "build", "ports", "environment", "command", "readiness", "isolation", "variables", "exposeBeyondLoopback", "memoryLimitBytes", "concurrency", "production", "description", "compose"];

    /// <summary>Keys of a resource's <c>compose</c> section (the docker-compose service it is taken from).</summary>
    public static ImmutableArray<string> Compose { get; } = ["file", "service"];

    public static ImmutableArray<string> Build { get; } = ["context", "dockerfile", "arguments"];

    /// <summary>Keys of the root <c>build</c> section (how <c>orchestrator build</c> builds the repository).</summary>
    public static ImmutableArray<string> SolutionBuild { get; } = ["solution", "configuration", "properties"];

    public static ImmutableArray<string> Readiness { get; } =
        ["kind", "command", "logPattern", "httpPath", "port", "attemptTimeoutSeconds", "intervalSeconds", "deadlineSeconds"];

    public static ImmutableArray<string> Isolation { get; } = ["mode", "setup"];

    public static ImmutableArray<string> Parallelism { get; } = ["maxParallelUnits", "maxContainers", "targetUnitSeconds", "maxUnitsPerPartition", "packBelowSeconds"];

    /// <summary>Keys of the root <c>execution</c> section.</summary>
    public static ImmutableArray<string> Execution { get; } = ["sharedVsTestConsole"];

    public static ImmutableArray<string> Timeouts { get; } = ["testHangSeconds", "unitSeconds", "readinessSeconds", "hangDump"];

    public static ImmutableArray<string> Rule { get; } = ["assembly", "namespace", "class", "test", "layer", "resources", "partition", "override", "description"];

    /// <summary>Spelling of <see cref="ResourceKind"/> values in the file: the built-in container kinds' names, generic and external.</summary>
    public static ImmutableDictionary<string, ResourceKind> ResourceKinds { get; } = Kinds.KindDescriptors.All
        .Select(descriptor => KeyValuePair.Create(descriptor.Name, descriptor.Kind))
        .Append(KeyValuePair.Create("generic", ResourceKind.Generic))
        .Append(KeyValuePair.Create("external", ResourceKind.External))
        .ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Spelling of <see cref="ProbeKind"/> values in the file.</summary>
    public static ImmutableDictionary<string, ProbeKind> ProbeKinds { get; } = new Dictionary<string, ProbeKind>
    {
        ["builtIn"] = ProbeKind.BuiltIn,
        ["exec"] = ProbeKind.Exec,
        ["logLine"] = ProbeKind.LogLine,
        ["http"] = ProbeKind.Http,
        ["tcp"] = ProbeKind.Tcp,
        ["none"] = ProbeKind.None,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Spelling of <see cref="IsolationMode"/> values in the file.</summary>
    public static ImmutableDictionary<string, IsolationMode> IsolationModes { get; } = new Dictionary<string, IsolationMode>
    {
        ["shared"] = IsolationMode.Shared,
        ["dedicated"] = IsolationMode.Dedicated,
    }.ToImmutableDictionary(StringComparer.Ordinal);
}
