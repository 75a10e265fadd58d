using Orchestrator.Docker.Engine;

namespace Orchestrator.Cli.Doctor;

/// <summary>The outside world the doctor looks at (processes, the engine), replaceable by fakes in tests.</summary>
internal interface IDoctorEnvironment
{
    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>: exit code and standard output, or null when it cannot start.</summary>
    Task<(int ExitCode, string Output)?> RunDotnetAsync(IReadOnlyList<string> arguments, CancellationToken ct);

    /// <summary>The engine the tool would use; throws <see cref="Orchestrator.Resources.ResourceException"/> when the environment names none usable.</summary>
    DockerEndpoint ResolveEndpoint();

    Task<EngineAnswer> PingAsync(DockerEndpoint endpoint, CancellationToken ct);

    Task<bool> ImageExistsAsync(DockerEndpoint endpoint, string image, CancellationToken ct);
}
