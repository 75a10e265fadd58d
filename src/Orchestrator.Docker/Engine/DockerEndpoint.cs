using Docker.DotNet;
using Orchestrator.Resources;

namespace Orchestrator.Docker.Engine;

/// <summary>
/// Where the Docker engine listens, resolved the way the docker command-line does: <c>DOCKER_HOST</c>
/// (<c>unix://</c>, <c>tcp://</c>, <c>npipe://</c>), TLS through <c>DOCKER_TLS_VERIFY</c> and
/// <c>DOCKER_CERT_PATH</c> (cert.pem, key.pem, ca.pem), else the default local socket.
/// </summary>
/// <param name="Uri">Engine address.</param>
/// <param name="CertificateDirectory">Directory with cert.pem, key.pem and ca.pem; null without TLS.</param>
public sealed record DockerEndpoint(Uri Uri, string? CertificateDirectory = null)
{
    public static Uri DefaultSocket { get; } = new("unix:///var/run/docker.sock");

    public static DockerEndpoint Default { get; } = new(DefaultSocket);

    public bool UsesTls => CertificateDirectory is not null;

    /// <summary>Resolves the endpoint from environment variables (the process environment unless given).</summary>
    public static DockerEndpoint FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var host = environment("DOCKER_HOST");
        if (string.IsNullOrWhiteSpace(host))
        {
            return Default;
        }
        if (!Uri.TryCreate(host.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("unix" or "tcp" or "npipe" or "http" or "https")
            || (uri.Scheme is "unix" or "npipe" ? uri.AbsolutePath.Trim('/').Length == 0 : uri.Host.Length == 0))
        {
            throw new ResourceException(
                $"DOCKER_HOST='{host}' is not an engine address. Use unix:///path/to/docker.sock or tcp://host:2376, or unset DOCKER_HOST to use {DefaultSocket}.");
        }
        var verify = environment("DOCKER_TLS_VERIFY");
        if (string.IsNullOrEmpty(verify) || verify is "0" or "false")
        {
            return new DockerEndpoint(uri);
        }
        var certificates = environment("DOCKER_CERT_PATH");
        if (string.IsNullOrWhiteSpace(certificates))
        {
            certificates = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
        }
        return new DockerEndpoint(uri, certificates);
    }

    /// <summary>Creates a client for this endpoint (with the TLS client certificate and CA when configured).</summary>
    public DockerClient CreateClient()
    {
        var credentials = UsesTls ? TlsCredentials.Load(CertificateDirectory!) : null;
        // Engine API 1.41 is the oldest this runs against; the engine answers in its own version otherwise.
        var configuration = new DockerClientConfiguration(Uri, credentials, TimeSpan.FromMinutes(5));
        return configuration.CreateClient();
    }

    public override string ToString() => UsesTls ? $"{Uri} (TLS, certificates in {CertificateDirectory})" : Uri.ToString();
}
