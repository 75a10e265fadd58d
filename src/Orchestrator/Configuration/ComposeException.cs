namespace Orchestrator.Configuration;

/// <summary>A compose file or service the orchestrator cannot take a resource from.</summary>
internal sealed class ComposeException(string message, string fix) : Exception(message)
{
    public string Fix { get; } = fix;
}
