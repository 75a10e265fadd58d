using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Docker.DotNet;
using Microsoft.Net.Http.Client;
using Orchestrator.Resources;

namespace Orchestrator.Docker.Engine;

/// <summary>
/// TLS to a remote engine: the client certificate from cert.pem/key.pem, and the server certificate
/// validated against ca.pem only (not the machine's trust store), as docker does. A docker context may
/// hold only some of those files, and may skip the server check; it still speaks TLS.
/// </summary>
internal sealed class TlsCredentials : Credentials
{
    private static readonly string[] RequiredFiles = ["cert.pem", "key.pem", "ca.pem"];

    private readonly X509Certificate2? _clientCertificate;
    private readonly X509Certificate2Collection _authorities;

    private readonly bool _skipVerify;

    private TlsCredentials(X509Certificate2? clientCertificate, X509Certificate2Collection authorities, bool skipVerify)
    {
        _clientCertificate = clientCertificate;
        _authorities = authorities;
        _skipVerify = skipVerify;
    }

    /// <summary>DOCKER_CERT_PATH: cert.pem, key.pem and ca.pem must all be there.</summary>
    /// <param name="directory">Where cert.pem, key.pem and ca.pem are.</param>
    /// <param name="skipVerify">Accept any engine certificate.</param>
    public static TlsCredentials Load(string directory, bool skipVerify = false)
    {
        foreach (var file in RequiredFiles.Select(name => Path.Combine(directory, name)))
        {
            if (!File.Exists(file))
            {
                throw new ResourceException(
                    $"DOCKER_TLS_VERIFY is set but {file} does not exist. Put cert.pem, key.pem and ca.pem in {directory}, set DOCKER_CERT_PATH to where they are, or unset DOCKER_TLS_VERIFY.");
            }
        }
        return FromContext(directory, skipVerify);
    }

    /// <summary>A context's TLS material: each of ca.pem and the cert.pem/key.pem pair may be absent, as docker allows.</summary>
    /// <param name="directory">The context's TLS directory; null when it has none.</param>
    /// <param name="skipVerify">The context's SkipTLSVerify: accept any engine certificate.</param>
    public static TlsCredentials FromContext(string? directory, bool skipVerify)
    {
        var authorities = new X509Certificate2Collection();
        if (directory is null)
        {
            return new TlsCredentials(null, authorities, skipVerify);
        }
        var certificate = Path.Combine(directory, "cert.pem");
        var key = Path.Combine(directory, "key.pem");
        var authority = Path.Combine(directory, "ca.pem");
        if (File.Exists(certificate) != File.Exists(key))
        {
            var missing = File.Exists(certificate) ? key : certificate;
            throw new ResourceException(
                $"The client certificate in {directory} is incomplete: {missing} does not exist. Put both cert.pem and key.pem there, or neither.");
        }
        if (File.Exists(authority))
        {
            authorities.ImportFromPemFile(authority);
        }
        var client = File.Exists(certificate) ? X509Certificate2.CreateFromPemFile(certificate, key) : null;
        return new TlsCredentials(client, authorities, skipVerify);
    }

    public override bool IsTlsCredentials() => true;

    public override HttpMessageHandler GetHandler(HttpMessageHandler innerHandler)
    {
        if (innerHandler is ManagedHandler managed)
        {
            if (_clientCertificate is not null)
            {
                managed.ClientCertificates = new X509CertificateCollection { _clientCertificate };
            }
            managed.ServerCertificateValidationCallback = ValidateServer;
        }
        return innerHandler;
    }

    // Without ca.pem the machine's trusted authorities decide, as docker does.
    private bool ValidateServer(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        _skipVerify || (_authorities.Count == 0 ? errors == SslPolicyErrors.None : IsTrustedServer(certificate, errors));
    /// <summary>True when the server certificate chains to ca.pem and has no other error (such as a name mismatch).</summary>
    internal bool IsTrustedServer(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }
        using var server = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return custom.Build(server);
    }
}
