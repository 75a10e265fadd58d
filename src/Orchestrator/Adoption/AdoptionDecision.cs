using System.Collections.Immutable;

namespace Orchestrator.Adoption;

/// <summary>
/// A choice <c>orchestrator init</c> made and wrote into the configuration (an isolation, a concurrency), with each piece
/// of evidence it rests on (what was found, in which file and line), for its output.
/// </summary>
public sealed record AdoptionDecision(string Decision, ImmutableArray<string> Evidence);
