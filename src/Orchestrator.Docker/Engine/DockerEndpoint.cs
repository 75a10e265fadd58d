using Docker.DotNet;
using Orchestrator.Resources;

namespace Orchestrator.Docker.Engine;

/// <summary>
/// Where the Docker engine listens, resolved the way the docker command-line does: <c>DOCKER_HOST</c>
/// (<c>unix://</c>, <c>tcp://</c>, <c>npipe://</c>), TLS through <c>DOCKER_TLS_VERIFY</c> and
/// <c>DOCKER_CERT_PATH</c> (cert.pem, key.pem, ca.pem); else the docker context named by
/// <c>DOCKER_CONTEXT</c>, else the current context in <c>$DOCKER_CONFIG/config.json</c>
/// (<c>~/.docker/config.json</c>); else the default local socket.
/// </summary>
/// <param name="Uri">Engine address.</param>
/// <param name="CertificateDirectory">Directory with cert.pem, key.pem and ca.pem; null without TLS.</param>
public sealed record DockerEndpoint(Uri Uri, string? CertificateDirectory = null)
{
    public static Uri DefaultSocket { get; } = new("unix:///var/run/docker.sock");

    public static DockerEndpoint Default { get; } = new(DefaultSocket) { Source = "default socket" };

    /// <summary>True with certificates, and for a context that skips verification: it still speaks TLS, it only accepts any engine certificate.</summary>
    public bool UsesTls => CertificateDirectory is not null || SkipTlsVerify;

    /// <summary>Where this endpoint came from ("DOCKER_HOST", "context 'colima' (DOCKER_CONTEXT)", "default socket"); null when built directly.</summary>
    internal string? Source { get; init; }

    /// <summary>The context's SkipTLSVerify: TLS without checking the engine's certificate.</summary>
    internal bool SkipTlsVerify { get; init; }

    /// <summary>True when the TLS material is a docker context's, where any of the files may be absent.</summary>
    internal bool TlsFromContext { get; init; }

    /// <summary>Resolves the endpoint from environment variables (the process environment unless given) and the docker context store.</summary>
    public static DockerEndpoint FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var host = environment("DOCKER_HOST");
        if (string.IsNullOrWhiteSpace(host))
        {
            return FromContext(environment);
        }
        if (!TryParseHost(host, out var uri))
        {
            throw new ResourceException(
                $"DOCKER_HOST='{host}' is not an engine address. Use unix:///path/to/docker.sock or tcp://host:2376, or unset DOCKER_HOST to use the docker context or {DefaultSocket}.");
        }
        var verify = environment("DOCKER_TLS_VERIFY");
        if (string.IsNullOrEmpty(verify) || verify is "0" or "false")
        {
            return new DockerEndpoint(uri) { Source = "DOCKER_HOST" };
        }
        var certificates = environment("DOCKER_CERT_PATH");
        if (string.IsNullOrWhiteSpace(certificates))
        {
            certificates = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
        }
        return new DockerEndpoint(uri, certificates) { Source = "DOCKER_HOST" };
    }

    private static DockerEndpoint FromContext(Func<string, string?> environment)
    {
        var store = DockerContextStore.FromEnvironment(environment);
        var named = environment("DOCKER_CONTEXT");
        if (!string.IsNullOrWhiteSpace(named))
        {
            return store.Resolve(named.Trim(), $"context '{named.Trim()}' (DOCKER_CONTEXT)");
        }
        var current = store.CurrentContext();
        return current is null || current == DockerContextStore.DefaultContext
            ? Default
            : store.Resolve(current, $"context '{current}' (current context in {store.ConfigFileDisplay})");
    }

    /// <summary>True when <paramref name="host"/> is an engine address with a scheme this supports.</summary>
    internal static bool TryParseHost(string host, out Uri uri) =>
        Uri.TryCreate(host.Trim(), UriKind.Absolute, out uri!) && uri.Scheme is "unix" or "tcp" or "npipe" or "http" or "https"
        && (uri.Scheme is "unix" or "npipe" ? uri.AbsolutePath.Trim('/').Length != 0 : uri.Host.Length != 0);

    /// <summary>Creates a client for this endpoint (with the TLS client certificate and CA when configured).</summary>
    public DockerClient CreateClient()
    {
        var credentials = !UsesTls ? null
            : TlsFromContext ? TlsCredentials.FromContext(CertificateDirectory, SkipTlsVerify)
            : TlsCredentials.Load(CertificateDirectory!, SkipTlsVerify);
        // Engine API 1.41 is the oldest this runs against; the engine answers in its own version otherwise.
        var configuration = new DockerClientConfiguration(Uri, credentials, TimeSpan.FromMinutes(5));
        return configuration.CreateClient();
    }

    public override string ToString()
    {
        var address = !UsesTls ? Uri.ToString()
            : CertificateDirectory is null ? $"{Uri} (TLS, engine certificate not verified)"
            : SkipTlsVerify ? $"{Uri} (TLS, engine certificate not verified, certificates in {CertificateDirectory})"
            : $"{Uri} (TLS, certificates in {CertificateDirectory})";
        return Source is null ? address : $"{address}, from {Source}";
    }
}
