using System.Collections.Immutable;
using System.Diagnostics;
using Orchestrator.Configuration;
using Orchestrator.Docker.Tests.Support;
using Orchestrator.Resources;
using Orchestrator.Security;
using Xunit;

namespace Orchestrator.Docker.Tests.Resources;

[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
public sealed class StartFailureTests
{
    [Fact]
    public async Task A_container_that_exits_while_starting_fails_at_once_with_its_exit_code_and_logs()
    {
        using var client = TestResources.Client();
        using var deadline = TestResources.Deadline();
        var ct = deadline.Token;
        var provider = TestResources.Provider(out var runId);
        var dying = TestResources.Shell("dying", "echo cannot open the data directory; exit 3") with { Ports = [8080] };
        try
        {
            var clock = Stopwatch.StartNew();
            var exception = await Assert.ThrowsAsync<ResourceException>(() => provider.StartAsync(dying, "dying", ct));
            clock.Stop();

            Assert.Contains("exited with code 3", exception.Message, StringComparison.Ordinal);
            Assert.Contains("cannot open the data directory", exception.Message, StringComparison.Ordinal);
            Assert.Equal("dying", exception.Resource);
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(15));
            Assert.Empty(await TestResources.ContainersOfRunAsync(client, runId));
        }
        finally
        {
            await provider.DisposeAsync();
            await TestResources.RemoveRunAsync(client, runId);
        }
    }

    [Fact]
    public async Task An_instance_whose_start_failed_can_be_started_again_under_the_same_name_in_a_fresh_container()
    {
        using var client = TestResources.Client();
        using var deadline = TestResources.Deadline();
        var ct = deadline.Token;
        var provider = TestResources.Provider(out var runId);
        var dying = TestResources.Shell("broker", "exit 3") with { Ports = [8080] };
        var serving = TestResources.Shell("broker", "exec sleep infinity") with { Ports = [8080], Readiness = new ReadinessProbe { Kind = ProbeKind.None } };
        try
        {
            var failure = await Assert.ThrowsAsync<ResourceException>(() => provider.StartAsync(dying, "broker", ct));
            var instance = await provider.StartAsync(serving, "broker", ct);

            var containers = await TestResources.ContainersOfRunAsync(client, runId);
            Assert.Equal(instance.ContainerId, Assert.Single(containers).ID);
            Assert.NotEqual(failure.ContainerId, instance.ContainerId);
        }
        finally
        {
            await provider.DisposeAsync();
            await TestResources.RemoveRunAsync(client, runId);
        }
    }

    [Fact]
    public async Task A_probe_that_never_succeeds_times_out_at_the_deadline_naming_resource_probe_and_logs_without_the_secret()
    {
        using var client = TestResources.Client();
        using var deadline = TestResources.Deadline();
        var ct = deadline.Token;
        string? secret = null;
        var provider = TestResources.Provider(out var runId, options => options with { ContainerStarted = started => secret = started.Secret });
        var silent = TestResources.Shell("silent", "echo waiting with password $SERVICE_PASSWORD; exec sleep infinity") with
        {
            Ports = [8080],
            Environment = ImmutableDictionary<string, string>.Empty.Add("SERVICE_PASSWORD", "{secret}"),
            Readiness = new ReadinessProbe { Kind = ProbeKind.Tcp, Deadline = TimeSpan.FromSeconds(2), AttemptTimeout = TimeSpan.FromMilliseconds(500) },
        };
        try
        {
            var clock = Stopwatch.StartNew();
            var exception = await Assert.ThrowsAsync<ResourceException>(() => provider.StartAsync(silent, "silent", ct));
            clock.Stop();

            Assert.Contains("'silent'", exception.Message, StringComparison.Ordinal);
            Assert.Contains("not ready within 2 s", exception.Message, StringComparison.Ordinal);
            Assert.Contains("TCP connection", exception.Message, StringComparison.Ordinal);
            Assert.Contains("waiting with password " + SecretRedactor.Mask, exception.Message, StringComparison.Ordinal);
            Assert.NotNull(secret);
            Assert.DoesNotContain(secret, exception.Message, StringComparison.Ordinal);
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));
            Assert.Empty(await TestResources.ContainersOfRunAsync(client, runId));
        }
        finally
        {
            await provider.DisposeAsync();
            await TestResources.RemoveRunAsync(client, runId);
        }
    }

    [Fact]
    public async Task A_start_cancelled_while_probing_leaves_no_container()
    {
        using var client = TestResources.Client();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string? containerId = null;
        var provider = TestResources.Provider(out var runId, options => options with
        {
            ContainerStarted = started =>
            {
                containerId = started.ContainerId;
                cancellation.Cancel();
            },
        });
        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.StartAsync(TestResources.RabbitMq, "rabbitmq", cancellation.Token));

            Assert.NotNull(containerId);
            Assert.Empty(await TestResources.ContainersOfRunAsync(client, runId));
        }
        finally
        {
            await provider.DisposeAsync();
            await TestResources.RemoveRunAsync(client, runId);
        }
    }

    [Fact]
    public async Task Disposing_the_provider_while_a_start_is_under_way_ends_it_and_leaves_no_container()
    {
        using var client = TestResources.Client();
        using var deadline = TestResources.Deadline();
        Task? disposal = null;
        DockerResourceProvider? provider = null;
        provider = TestResources.Provider(out var runId, options => options with
        {
            ContainerStarted = _ => disposal = Task.Run(async () => await provider!.DisposeAsync()),
        });
        try
        {
            var exception = await Assert.ThrowsAsync<ResourceException>(() => provider.StartAsync(TestResources.RabbitMq, "rabbitmq", deadline.Token));
            await disposal!;

            Assert.Contains("while it was starting", exception.Message, StringComparison.Ordinal);
            Assert.Empty(await TestResources.ContainersOfRunAsync(client, runId));
        }
        finally
        {
            await provider.DisposeAsync();
            await TestResources.RemoveRunAsync(client, runId);
        }
    }
}
