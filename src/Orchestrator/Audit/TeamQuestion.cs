namespace Orchestrator.Audit;

/// <summary>A readiness question the tool cannot answer from what it sees: for the team to answer.</summary>
public sealed record TeamQuestion(string Id, string Question, string Why);
