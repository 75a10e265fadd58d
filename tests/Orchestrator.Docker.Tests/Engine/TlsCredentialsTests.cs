using System.Net.Security;
using Orchestrator.Docker.Engine;
using Orchestrator.Docker.Tests.Support;
using Xunit;

namespace Orchestrator.Docker.Tests.Engine;

[Trait("Category", "Unit")]
public sealed class TlsCredentialsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("orchestrator-tls-").FullName;

    [Fact]
    public void A_server_certificate_signed_by_ca_pem_is_trusted_and_one_from_another_authority_is_not()
    {
        using var authority = TestCertificates.CreateAuthority("CN=Orchestrator Test CA");
        using var stranger = TestCertificates.CreateAuthority("CN=Someone Else");
        using var client = TestCertificates.Issue(authority, "CN=client");
        using var server = TestCertificates.Issue(authority, "CN=engine");
        using var impostor = TestCertificates.Issue(stranger, "CN=engine");
        TestCertificates.WriteDockerDirectory(_directory, authority, client);

        var credentials = TlsCredentials.Load(_directory);

        Assert.True(credentials.IsTlsCredentials());
        Assert.True(credentials.IsTrustedServer(server, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(credentials.IsTrustedServer(impostor, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(credentials.IsTrustedServer(server, SslPolicyErrors.RemoteCertificateNameMismatch));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
