namespace Orchestrator.Cli.Pipeline;

/// <summary>The command cannot start as asked; the message says what to change.</summary>
internal sealed class UsageException(string message) : Exception(message);
