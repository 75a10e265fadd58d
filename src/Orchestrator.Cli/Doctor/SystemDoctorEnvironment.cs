using System.Net;
using CliWrap;
using CliWrap.Buffered;
using Docker.DotNet;
using Orchestrator.Docker.Engine;

namespace Orchestrator.Cli.Doctor;

/// <summary>The real machine: <c>dotnet</c> as a process, the engine through Docker.DotNet.</summary>
/// <param name="environment">Reads DOCKER_HOST and the docker context's variables; null: the process environment.</param>
internal sealed class SystemDoctorEnvironment(Func<string, string?>? environment = null) : IDoctorEnvironment
{
    private static readonly TimeSpan _engineTimeout = TimeSpan.FromSeconds(10);

    public async Task<(int ExitCode, string Output)?> RunDotnetAsync(IReadOnlyList<string> arguments, CancellationToken ct)
    {
        try
        {
            var result = await global::CliWrap.Cli.Wrap("dotnet")
                .WithArguments(arguments)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(ct);
            return (result.ExitCode, result.StandardOutput);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    public DockerEndpoint ResolveEndpoint() => DockerEndpoint.FromEnvironment(environment);

    public async Task<EngineAnswer> PingAsync(DockerEndpoint endpoint, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_engineTimeout);
        try
        {
            using var client = endpoint.CreateClient();
            await client.System.PingAsync(timeout.Token);
            var version = await client.System.GetVersionAsync(timeout.Token);
            return new EngineAnswer(version.APIVersion, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (exception is OperationCanceledException)
            {
                return new EngineAnswer(null, $"no answer within {_engineTimeout.TotalSeconds:0} s");
            }
            var failure = EngineFailure.Explain(endpoint, exception);
            return new EngineAnswer(null, failure.Problem, failure.Fix);
        }
    }

    public async Task<bool> ImageExistsAsync(DockerEndpoint endpoint, string image, CancellationToken ct)
    {
        using var client = endpoint.CreateClient();
        try
        {
            await client.Images.InspectImageAsync(image, ct);
            return true;
        }
        catch (DockerApiException missing) when (missing.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
