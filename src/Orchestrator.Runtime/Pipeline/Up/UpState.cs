using System.Collections.Immutable;

namespace Orchestrator.Pipeline.Up;

/// <summary>What <c>up</c> keeps, as <c>.orchestrator/up.json</c> records it: read by <c>run --reuse</c>, removed by <c>down</c>.</summary>
/// <param name="RunId">Label <c>orchestrator.run-id</c> of its containers.</param>
/// <param name="OwnerHost">Where <c>up</c> ran (its containers' <c>orchestrator.owner-host</c>).</param>
/// <param name="OwnerPid">The <c>up</c> process (gone once it returned: the state file, not the process, keeps the containers).</param>
/// <param name="StartedAt">When <c>up</c> started them.</param>
/// <param name="Configuration">The configuration file they were started for.</param>
/// <param name="Instances">One per resource.</param>
/// <param name="Variables">What tests need to reach them, as written into the env and RunSettings files.</param>
internal sealed record UpState(
    string RunId,
    string OwnerHost,
    int OwnerPid,
    DateTimeOffset StartedAt,
    string? Configuration,
    ImmutableArray<UpInstance> Instances,
    ImmutableSortedDictionary<string, string> Variables);
