using System.Collections.Immutable;

namespace Orchestrator.Pipeline.Up;

/// <summary>What is up after <c>up</c>: started now, or found up already.</summary>
/// <param name="AlreadyUp">True when an earlier <c>up</c> keeps them and nothing was started.</param>
/// <param name="StartedAt">When they were started.</param>
/// <param name="Files">Where the state and the files tests read are.</param>
/// <param name="Services">One per resource.</param>
/// <param name="Variables">What the env and RunSettings files hold.</param>
public sealed record UpResult(
    bool AlreadyUp,
    DateTimeOffset StartedAt,
    UpFiles Files,
    ImmutableArray<UpService> Services,
    ImmutableSortedDictionary<string, string> Variables);
