using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orchestrator.Docker.Engine;
using Xunit;

namespace Orchestrator.Docker.Tests.Engine;

[Trait("Category", "Unit")]
public sealed class TlsCredentialsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("orchestrator-tls-").FullName;

    [Fact]
    public void A_server_certificate_signed_by_ca_pem_is_trusted_and_one_from_another_authority_is_not()
    {
        using var authority = CreateAuthority("CN=Orchestrator Test CA");
        using var stranger = CreateAuthority("CN=Someone Else");
        using var client = Issue(authority, "CN=client");
        using var server = Issue(authority, "CN=engine");
        using var impostor = Issue(stranger, "CN=engine");
        File.WriteAllText(Path.Combine(_directory, "ca.pem"), authority.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_directory, "cert.pem"), client.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_directory, "key.pem"), client.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());

        var credentials = TlsCredentials.Load(_directory);

        Assert.True(credentials.IsTlsCredentials());
        Assert.True(credentials.IsTrustedServer(server, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(credentials.IsTrustedServer(impostor, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(credentials.IsTrustedServer(server, SslPolicyErrors.RemoteCertificateNameMismatch));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static X509Certificate2 CreateAuthority(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var issued = request.Create(authority, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), RandomNumberGenerator.GetBytes(8));
        return issued.CopyWithPrivateKey(key);
    }
}
