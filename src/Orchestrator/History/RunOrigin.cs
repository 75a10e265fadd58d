namespace Orchestrator.History;

/// <summary>Where a run ran: the commit and branch of its repository (null outside a git repository) and the machine.</summary>
public sealed record RunOrigin(string? Commit, string? Branch, string Machine);
