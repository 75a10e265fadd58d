using System.Net;
using System.Security.Authentication;
using Docker.DotNet;

namespace Orchestrator.Docker.Engine;

/// <summary>Why an engine did not answer, and what to change: TLS mistakes get their own words, anything else means no engine.</summary>
/// <param name="Problem">What went wrong, without the endpoint.</param>
/// <param name="Fix">What to do about it.</param>
public sealed record EngineFailure(string Problem, string Fix)
{
    public const string StartEngine =
        "Start a Docker engine (Docker Desktop, or 'sudo systemctl start docker' on Linux; 'docker info' answers once it runs), " +
        "or point DOCKER_HOST (unix:///path/to/docker.sock or tcp://host:2376) or 'docker context use' at one that runs.";

    /// <summary>Why <paramref name="endpoint"/> failed with <paramref name="exception"/>, and the fix.</summary>
    public static EngineFailure Explain(DockerEndpoint endpoint, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.GetBaseException().Message;
        if (Find<DockerApiException>(exception) is { StatusCode: HttpStatusCode.BadRequest } plain
            && plain.ResponseBody?.Contains("HTTP request to an HTTPS server", StringComparison.Ordinal) == true)
        {
            return new EngineFailure(
                "the engine speaks TLS and was sent plain HTTP",
                "Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the directory with ca.pem, cert.pem and key.pem (or use a docker context with that TLS material).");
        }
        if (endpoint.UsesTls && Find<AuthenticationException>(exception) is { } tls)
        {
            return tls.InnerException is null ? ServerRejected(endpoint) : HandshakeRefused(endpoint, message);
        }
        if (endpoint.Uri.Scheme == "unix" && !File.Exists(endpoint.Uri.LocalPath))
        {
            // Connecting to a missing socket file fails with whatever the platform says (on Linux "Cannot assign requested address").
            return new EngineFailure($"the socket file {endpoint.Uri.LocalPath} does not exist", StartEngine);
        }
        return new EngineFailure(message, StartEngine);
    }

    /// <summary>The engine's certificate failed the check against ca.pem (an inner-less AuthenticationException comes from that callback).</summary>
    private static EngineFailure ServerRejected(DockerEndpoint endpoint)
    {
        var authority = endpoint.CertificateDirectory is null ? "the machine's trusted authorities" : Path.Combine(endpoint.CertificateDirectory, "ca.pem");
        return new EngineFailure(
            $"its TLS certificate is not signed by {authority} or does not name {endpoint.Uri.Host}",
            $"Put the certificate of the authority that signed the engine's certificate in {authority} (the engine's --tlscacert), and reach the engine by a name its certificate holds.");
    }

    /// <summary>The engine ended the handshake: it did not accept the client certificate, or got none.</summary>
    private static EngineFailure HandshakeRefused(DockerEndpoint endpoint, string message)
    {
        var certificate = endpoint.CertificateDirectory is null ? null : Path.Combine(endpoint.CertificateDirectory, "cert.pem");
        return certificate is not null && File.Exists(certificate)
            ? new EngineFailure(
                $"the engine refused the client certificate {certificate} ({message})",
                $"Use a client certificate signed by the authority the engine trusts (its --tlscacert), with its key in {Path.Combine(endpoint.CertificateDirectory!, "key.pem")}.")
            : new EngineFailure(
                $"the engine requires a client certificate and none was sent ({message})",
                "Give the engine's client certificate: cert.pem and key.pem in DOCKER_CERT_PATH, or in the context ('docker context update NAME --docker \"host=...,ca=...,cert=...,key=...\"').");
    }

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }
        return null;
    }
}
