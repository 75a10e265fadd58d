namespace Orchestrator.Docker.Engine;

/// <summary>What a command run inside a container returned.</summary>
internal sealed record ExecResult(long ExitCode, string Output);
