namespace Orchestrator.Reporting.Ci;

/// <summary>Log lines a CI service turns into annotations and collapsible sections. Pure text: the caller writes them.</summary>
public interface ICiLogCommands
{
    /// <summary>An error annotation titled <paramref name="title"/>, at <paramref name="location"/> when known.</summary>
    string ErrorAnnotation(string title, string message, SourceLocation? location);

    /// <summary>Opens a collapsible section named <paramref name="name"/>.</summary>
    string GroupStart(string name);

    /// <summary>Closes the section <see cref="GroupStart"/> opened.</summary>
    string GroupEnd();
}
