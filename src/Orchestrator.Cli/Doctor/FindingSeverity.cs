namespace Orchestrator.Cli.Doctor;

/// <summary>How bad a doctor finding is: <see cref="Error"/> means a <c>pr</c> run could not start.</summary>
internal enum FindingSeverity
{
    Ok,
    Warning,
    Error,
}
