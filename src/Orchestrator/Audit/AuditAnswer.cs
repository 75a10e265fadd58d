namespace Orchestrator.Audit;

/// <summary>How the audit answers a readiness question from what it can see.</summary>
public enum AuditAnswer
{
    Yes,
    No,

    /// <summary>The facts to answer are missing (nothing built yet, no run history); the item's fix says what would give them.</summary>
    Unknown,
}
