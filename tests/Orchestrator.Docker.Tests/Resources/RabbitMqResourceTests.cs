using Orchestrator.Docker.Tests.Support;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Xunit;

namespace Orchestrator.Docker.Tests.Resources;

[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
public sealed class RabbitMqResourceTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Shared_rabbitmq_gives_each_partition_its_own_vhost(bool managementApi)
    {
        using var client = TestResources.Client();
        using var deadline = TestResources.Deadline(120);
        var ct = deadline.Token;
        var provider = TestResources.Provider(out var runId);
        try
        {
            var instance = await provider.StartAsync(managementApi ? TestResources.RabbitMqWithManagement : TestResources.RabbitMq, "rabbitmq", ct);
            var ready = DateTimeOffset.UtcNow.AddSeconds(-1);
            var first = await provider.CreateNamespaceAsync(instance, "integration/rabbitmq", ct);
            var second = await provider.CreateNamespaceAsync(instance, "e2e/rabbitmq", ct);

            await using var firstConnection = await new ConnectionFactory { Uri = new Uri(first.Variables["RABBITMQ_URI"]) }.CreateConnectionAsync(ct);
            await using var firstChannel = await firstConnection.CreateChannelAsync(cancellationToken: ct);
            await firstChannel.QueueDeclareAsync("orders", durable: false, exclusive: false, autoDelete: false, cancellationToken: ct);
            await using var secondConnection = await new ConnectionFactory { Uri = new Uri(second.Variables["RABBITMQ_URI"]) }.CreateConnectionAsync(ct);
            await using var secondChannel = await secondConnection.CreateChannelAsync(cancellationToken: ct);

            Assert.NotEqual(first.Namespace, second.Namespace);
            Assert.Equal(0u, (await firstChannel.QueueDeclarePassiveAsync("orders", ct)).MessageCount);
            await Assert.ThrowsAsync<OperationInterruptedException>(() => secondChannel.QueueDeclarePassiveAsync("orders", ct));
            var inspected = await client.Containers.InspectContainerAsync(instance.ContainerId, ct);
            var binding = Assert.Single(inspected.NetworkSettings.Ports["5672/tcp"]);
            Assert.Equal("127.0.0.1", binding.HostIP);
            // Through the management API no process was started in the container (rabbitmqctl starts an Erlang VM per call).
            var execs = await TestResources.ExecsInAsync(client, instance.ContainerId!, ready, ct);
            Assert.True(managementApi ? execs == 0 : execs > 0, $"{execs} exec(s) in the container");
        }
        finally
        {
            await provider.DisposeAsync();
            Assert.Empty(await TestResources.ContainersOfRunAsync(client, runId));
            await TestResources.RemoveRunAsync(client, runId);
        }
    }
}
