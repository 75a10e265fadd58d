using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Docker.DotNet;
using Microsoft.Net.Http.Client;
using Orchestrator.Resources;

namespace Orchestrator.Docker.Engine;

/// <summary>
/// Mutual TLS to a remote engine: the client certificate from cert.pem/key.pem, and the server
/// certificate validated against ca.pem only (not the machine's trust store), as docker does.
/// </summary>
internal sealed class TlsCredentials : Credentials
{
    private readonly X509Certificate2 _clientCertificate;
    private readonly X509Certificate2Collection _authorities;

    private readonly bool _skipVerify;

    private TlsCredentials(X509Certificate2 clientCertificate, X509Certificate2Collection authorities, bool skipVerify)
    {
        _clientCertificate = clientCertificate;
        _authorities = authorities;
        _skipVerify = skipVerify;
    }

    /// <param name="directory">Where cert.pem, key.pem and ca.pem are.</param>
    /// <param name="skipVerify">A docker context's SkipTLSVerify: accept any engine certificate.</param>
    public static TlsCredentials Load(string directory, bool skipVerify = false)
    {
        var certificate = Path.Combine(directory, "cert.pem");
        var key = Path.Combine(directory, "key.pem");
        var authority = Path.Combine(directory, "ca.pem");
        foreach (var file in new[] { certificate, key, authority })
        {
            if (!File.Exists(file))
            {
                throw new ResourceException(
                    $"DOCKER_TLS_VERIFY is set but {file} does not exist. Put cert.pem, key.pem and ca.pem in {directory}, set DOCKER_CERT_PATH to where they are, or unset DOCKER_TLS_VERIFY.");
            }
        }
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(authority);
        return new TlsCredentials(X509Certificate2.CreateFromPemFile(certificate, key), authorities, skipVerify);
    }

    public override bool IsTlsCredentials() => true;

    public override HttpMessageHandler GetHandler(HttpMessageHandler innerHandler)
    {
        if (innerHandler is ManagedHandler managed)
        {
            managed.ClientCertificates = new X509CertificateCollection { _clientCertificate };
            managed.ServerCertificateValidationCallback = ValidateServer;
        }
        return innerHandler;
    }

    private bool ValidateServer(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        _skipVerify || IsTrustedServer(certificate, errors);

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
