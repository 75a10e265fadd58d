namespace Orchestrator.Pipeline;

/// <summary>The command cannot start as asked; the message says what to change.</summary>
public sealed class UsageException(string message) : Exception(message);
