using Docker.DotNet;
using Orchestrator.Docker.Cleanup;
using Orchestrator.Resources;
using Xunit;

namespace Orchestrator.Docker.Tests.Cleanup;

[Trait("Category", "Unit")]
public sealed class UnreachableEngineTests
{
    [Fact]
    public async Task Removing_a_container_from_an_engine_that_stopped_answering_names_the_container_and_the_way_out()
    {
        var socket = Path.Combine(Path.GetTempPath(), "orchestrator-no-engine-" + Guid.NewGuid().ToString("N")[..12] + ".sock");
        using var client = new DockerClientConfiguration(new Uri("unix://" + socket)).CreateClient();
        var janitor = new ContainerJanitor(client, TimeSpan.FromSeconds(10), log: null, KeptByUp.OnThisHost);

        var exception = await Assert.ThrowsAsync<ResourceException>(() => janitor.RemoveAsync("0123456789abcdef0123"));

        Assert.Contains("Container 0123456789ab could not be removed", exception.Message, StringComparison.Ordinal);
        Assert.Contains("orchestrator clean", exception.Message, StringComparison.Ordinal);
    }
}
