namespace Orchestrator.Audit;

/// <summary>Answers every readiness question from the facts gathered, in the order of the self-assessment, and lists the team's questions.</summary>
internal static class ReadinessAudit
{
    public static AuditReport Evaluate(AuditFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new AuditReport(facts.ConfigurationPath,
        [
            LayerTaggingQuestion.Evaluate(facts),
            StateIsolationQuestion.Evaluate(facts),
            ConsecutiveRunsQuestion.Evaluate(facts),
            TestWaitsQuestion.Evaluate(facts),
            ImagePinningQuestion.Evaluate(facts),
            SecretsQuestion.Evaluate(facts),
            ProductionVersionsQuestion.Evaluate(facts),
            FlakyOwnershipQuestion.Evaluate(facts),
        ], TeamQuestions.All);
    }
}
