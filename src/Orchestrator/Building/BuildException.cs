namespace Orchestrator.Building;

/// <summary>The repository cannot be built as configured; the message says what to change.</summary>
public class BuildException : Exception
{
    public BuildException()
    {
    }

    public BuildException(string message)
        : base(message)
    {
    }

    public BuildException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
