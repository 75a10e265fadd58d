using Orchestrator.Cli.Doctor;
using Orchestrator.Docker.Engine;

namespace Orchestrator.Cli.Tests.Doctor;

/// <summary>A machine as a test describes it: dotnet's answers, the engine's ping and the images it holds.</summary>
internal sealed class FakeDoctorEnvironment : IDoctorEnvironment
{
    public Dictionary<string, (int ExitCode, string Output)> Dotnet { get; } = new(StringComparer.Ordinal)
    {
        ["--version"] = (0, "10.0.100\n"),
        ["--list-runtimes"] = (0, "Microsoft.AspNetCore.App 10.0.0 [/usr/share/dotnet/shared/Microsoft.AspNetCore.App]\nMicrosoft.NETCore.App 10.0.0 [/usr/share/dotnet/shared/Microsoft.NETCore.App]\n"),
    };

    public DockerEndpoint Endpoint { get; init; } = DockerEndpoint.Default;

    public EngineAnswer Answer { get; init; } = new("1.47", null);

    public HashSet<string> Images { get; } = new(StringComparer.Ordinal);

    public int Pings { get; private set; }

    public Task<(int ExitCode, string Output)?> RunDotnetAsync(IReadOnlyList<string> arguments, CancellationToken ct) =>
        Task.FromResult<(int, string)?>(Dotnet.TryGetValue(string.Join(' ', arguments), out var answer) ? answer : null);

    public DockerEndpoint ResolveEndpoint() => Endpoint;

    public Task<EngineAnswer> PingAsync(DockerEndpoint endpoint, CancellationToken ct)
    {
        Pings++;
        return Task.FromResult(Answer);
    }

    public Task<bool> ImageExistsAsync(DockerEndpoint endpoint, string image, CancellationToken ct) => Task.FromResult(Images.Contains(image));
}
