namespace Orchestrator.Docker.Readiness;

/// <summary>The container exited while it was being probed.</summary>
internal sealed class ContainerExitedException(long exitCode) : Exception($"The container exited with code {exitCode}.")
{
    public long ExitCode { get; } = exitCode;
}
