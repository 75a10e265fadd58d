using Orchestrator.Docker.Engine;
using Orchestrator.Docker.Tests.Support;
using Orchestrator.Resources;
using Xunit;

namespace Orchestrator.Docker.Tests.Engine;

[Trait("Category", "Unit")]
public sealed class DockerContextTests : IDisposable
{
    private readonly DockerConfigDirectory _config = new();
    private readonly Dictionary<string, string> _environment = new();

    public DockerContextTests() => _environment["DOCKER_CONFIG"] = _config.Path;

    public void Dispose() => _config.Dispose();

    private DockerEndpoint Resolve() => DockerEndpoint.FromEnvironment(_environment.GetValueOrDefault);

    [Fact]
    public void The_context_directory_is_the_lowercase_sha256_of_the_name()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", DockerConfigDirectory.HashOf("abc"));
        Assert.Equal(DockerConfigDirectory.HashOf("colima"), DockerContextStore.Hash("colima"));
    }

    [Fact]
    public void DOCKER_HOST_wins_over_DOCKER_CONTEXT_and_the_current_context()
    {
        _config.AddContext("colima", "unix:///home/me/.colima/docker.sock");
        _config.SetCurrentContext("colima");
        _environment["DOCKER_CONTEXT"] = "colima";
        _environment["DOCKER_HOST"] = "tcp://127.0.0.1:2375";

        var endpoint = Resolve();

        Assert.Equal(new Uri("tcp://127.0.0.1:2375"), endpoint.Uri);
        Assert.Equal("DOCKER_HOST", endpoint.Source);
    }

    [Fact]
    public void DOCKER_CONTEXT_names_the_context_whose_endpoint_is_used()
    {
        _config.AddContext("colima", "unix:///home/me/.colima/docker.sock");
        _config.AddContext("other", "tcp://127.0.0.1:2375");
        _config.SetCurrentContext("other");
        _environment["DOCKER_CONTEXT"] = "colima";

        var endpoint = Resolve();

        Assert.Equal("/home/me/.colima/docker.sock", endpoint.Uri.AbsolutePath);
        Assert.False(endpoint.UsesTls);
        Assert.Equal("context 'colima' (DOCKER_CONTEXT)", endpoint.Source);
        Assert.Contains("context 'colima' (DOCKER_CONTEXT)", endpoint.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_DOCKER_CONTEXT_the_current_context_of_config_json_is_used()
    {
        _config.AddContext("remote", "tcp://127.0.0.1:2375");
        _config.SetCurrentContext("remote");

        var endpoint = Resolve();

        Assert.Equal(new Uri("tcp://127.0.0.1:2375"), endpoint.Uri);
        Assert.Equal($"context 'remote' (current context in {_config.Path}/config.json)", endpoint.Source);
    }

    [Theory]
    [InlineData("DOCKER_CONTEXT")]
    [InlineData("config.json")]
    public void The_default_context_is_the_default_socket(string where)
    {
        if (where == "DOCKER_CONTEXT")
        {
            _environment["DOCKER_CONTEXT"] = "default";
        }
        else
        {
            _config.SetCurrentContext("default");
        }

        var endpoint = Resolve();

        Assert.Equal(DockerEndpoint.DefaultSocket, endpoint.Uri);
        Assert.False(endpoint.UsesTls);
    }

    [Fact]
    public void Without_any_context_the_default_socket_is_named_as_the_source()
    {
        var endpoint = Resolve();

        Assert.Equal(DockerEndpoint.DefaultSocket, endpoint.Uri);
        Assert.Equal("default socket", endpoint.Source);
    }

    [Fact]
    public void A_missing_context_names_the_context_the_file_and_the_fix()
    {
        _environment["DOCKER_CONTEXT"] = "gone";

        var exception = Assert.Throws<ResourceException>(Resolve);

        Assert.Contains("'gone'", exception.Message, StringComparison.Ordinal);
        Assert.Contains(_config.MetaFile("gone"), exception.Message, StringComparison.Ordinal);
        Assert.Contains("docker context ls", exception.Message, StringComparison.Ordinal);
        Assert.Contains("unset DOCKER_CONTEXT", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_meta_json_names_the_context_and_the_file()
    {
        _config.AddContext("broken", "unix:///x.sock");
        File.WriteAllText(_config.MetaFile("broken"), "{ not json");
        _config.SetCurrentContext("broken");

        var exception = Assert.Throws<ResourceException>(Resolve);

        Assert.Contains("'broken'", exception.Message, StringComparison.Ordinal);
        Assert.Contains(_config.MetaFile("broken"), exception.Message, StringComparison.Ordinal);
        Assert.Contains("docker context ls", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_context_with_an_unsupported_scheme_is_rejected()
    {
        _config.AddContext("odd", "ssh://me@engine.example");
        _environment["DOCKER_CONTEXT"] = "odd";

        var exception = Assert.Throws<ResourceException>(Resolve);

        Assert.Contains("'odd'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("unix://", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_context_with_TLS_material_uses_its_tls_directory_and_SkipTLSVerify()
    {
        _config.AddContext("secure", "tcp://engine.example:2376", skipTlsVerify: true);
        _config.AddTls("secure");
        _environment["DOCKER_CONTEXT"] = "secure";

        var endpoint = Resolve();

        Assert.Equal(new Uri("tcp://engine.example:2376"), endpoint.Uri);
        Assert.True(endpoint.UsesTls);
        Assert.Equal(_config.TlsDirectory("secure"), endpoint.CertificateDirectory);
        Assert.True(endpoint.SkipTlsVerify);
    }
}
