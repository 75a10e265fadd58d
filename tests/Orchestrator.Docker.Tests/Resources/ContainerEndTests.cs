using Docker.DotNet.Models;
using Orchestrator.Docker.Tests.Support;
using Xunit;

namespace Orchestrator.Docker.Tests.Resources;

[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
public sealed class ContainerEndTests
{
    [Fact]
    public async Task A_service_container_killed_while_in_use_is_reported_as_dead_with_its_exit_code()
    {
        using var client = TestResources.Client();
        using var deadline = TestResources.Deadline();
        var ct = deadline.Token;
        var provider = TestResources.Provider(out var runId);
        try
        {
            await provider.PrepareAsync([TestResources.Postgres], ct);
            var instance = await provider.StartAsync(TestResources.Postgres, "postgres", ct);
            await client.Containers.KillContainerAsync(instance.ContainerId!, new ContainerKillParameters { Signal = "SIGKILL" }, ct);

            var ended = await provider.StopAsync(instance, ct);

            Assert.NotNull(ended);
            Assert.StartsWith("exited with code 137 at ", ended, StringComparison.Ordinal);
            Assert.Empty(await TestResources.ContainersOfRunAsync(client, runId));
        }
        finally
        {
            await provider.DisposeAsync();
            await TestResources.RemoveRunAsync(client, runId);
        }
    }
}
