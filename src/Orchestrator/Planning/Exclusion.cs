using Orchestrator.Model;

namespace Orchestrator.Planning;

/// <summary>A discovered test the plan does not run, and why.</summary>
public sealed record Exclusion(TestKey Test, ExclusionReason Reason, string Detail);
