namespace Orchestrator.Execution.Settings;

/// <summary>A settings file that cannot be used (missing, not XML, not a <c>RunSettings</c> document); the message names it and the fix.</summary>
internal sealed class RunSettingsException : Exception
{
    public RunSettingsException(string message)
        : base(message)
    {
    }

    public RunSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RunSettingsException()
    {
    }
}
