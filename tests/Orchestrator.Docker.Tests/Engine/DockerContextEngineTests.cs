using Orchestrator.Docker.Engine;
using Orchestrator.Docker.Tests.Support;
using Xunit;

namespace Orchestrator.Docker.Tests.Engine;

/// <summary>A docker context pointing at the real engine's socket is resolved and answers.</summary>
[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
public sealed class DockerContextEngineTests
{
    [Fact]
    public async Task A_context_pointing_at_the_engine_socket_reaches_the_engine()
    {
        using var config = new DockerConfigDirectory();
        config.AddContext("local-test", "unix:///var/run/docker.sock");
        config.SetCurrentContext("local-test");
        var environment = new Dictionary<string, string> { ["DOCKER_CONFIG"] = config.Path };

        var endpoint = DockerEndpoint.FromEnvironment(environment.GetValueOrDefault);
        using var client = endpoint.CreateClient();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await client.System.PingAsync(cancellation.Token);

        Assert.StartsWith("context 'local-test'", endpoint.Source, StringComparison.Ordinal);
    }
}
