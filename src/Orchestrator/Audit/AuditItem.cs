using System.Collections.Immutable;

namespace Orchestrator.Audit;

/// <summary>The audit's answer to one readiness question.</summary>
/// <param name="Id">Stable name for scripts (e.g. <c>images-pinned</c>).</param>
/// <param name="Question">The question of the self-assessment.</param>
/// <param name="Answer">Yes, no, or unknown.</param>
/// <param name="Finding">One sentence: what the audit found.</param>
/// <param name="Evidence">The facts behind the answer, with file and line where they have one.</param>
/// <param name="Fix">What to do to make the answer yes (or known); null when it is yes.</param>
public sealed record AuditItem(string Id, string Question, AuditAnswer Answer, string Finding, ImmutableArray<AuditEvidence> Evidence, string? Fix);
