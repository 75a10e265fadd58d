using Orchestrator.Docker.Engine;
using Orchestrator.Docker.Tests.Support;
using Orchestrator.Resources;
using Xunit;

namespace Orchestrator.Docker.Tests.Engine;

[Trait("Category", "Unit")]
public sealed class DockerEndpointTests
{
    [Fact]
    public void Without_DOCKER_HOST_the_default_local_socket_is_used()
    {
        using var config = new DockerConfigDirectory();
        var endpoint = DockerEndpoint.FromEnvironment(name => name == "DOCKER_CONFIG" ? config.Path : null);

        Assert.Equal(new Uri("unix:///var/run/docker.sock"), endpoint.Uri);
        Assert.False(endpoint.UsesTls);
    }

    [Fact]
    public void DOCKER_HOST_with_tcp_and_TLS_verify_uses_the_certificate_path()
    {
        var environment = new Dictionary<string, string>
        {
            ["DOCKER_HOST"] = "tcp://engine.example:2376",
            ["DOCKER_TLS_VERIFY"] = "1",
            ["DOCKER_CERT_PATH"] = "/certs",
        };

        var endpoint = DockerEndpoint.FromEnvironment(environment.GetValueOrDefault);

        Assert.Equal(new Uri("tcp://engine.example:2376"), endpoint.Uri);
        Assert.Equal("/certs", endpoint.CertificateDirectory);
    }

    [Fact]
    public void DOCKER_HOST_with_unix_socket_path_is_used_as_is()
    {
        var endpoint = DockerEndpoint.FromEnvironment(name => name == "DOCKER_HOST" ? "unix:///run/user/1000/docker.sock" : null);

        Assert.Equal("/run/user/1000/docker.sock", endpoint.Uri.AbsolutePath);
        Assert.False(endpoint.UsesTls);
    }

    [Theory]
    [InlineData("ftp://nowhere")]
    [InlineData("tcp://")]
    [InlineData("unix://")]
    [InlineData("tcp://:2375")]
    public void A_DOCKER_HOST_that_is_no_address_is_rejected_with_the_expected_forms(string host)
    {
        // tcp:// and unix:// are what a template with an unset variable leaves behind.
        var exception = Assert.Throws<ResourceException>(() => DockerEndpoint.FromEnvironment(name => name == "DOCKER_HOST" ? host : null));

        Assert.Contains("unix://", exception.Message, StringComparison.Ordinal);
        Assert.Contains("tcp://", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TLS_without_certificate_files_names_the_missing_file()
    {
        var directory = Directory.CreateTempSubdirectory("orchestrator-certs-").FullName;
        try
        {
            var endpoint = new DockerEndpoint(new Uri("tcp://127.0.0.1:2376"), directory);

            var exception = Assert.Throws<ResourceException>(() => endpoint.CreateClient());

            Assert.Contains(Path.Combine(directory, "cert.pem"), exception.Message, StringComparison.Ordinal);
            Assert.Contains("DOCKER_CERT_PATH", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
