using Docker.DotNet;
using Orchestrator.Configuration;
using Orchestrator.Docker.Engine;
using Orchestrator.Docker.Tests.Support;
using Xunit;

namespace Orchestrator.Docker.Tests.Resources;

[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
public sealed class GenericProbeTests
{
    [Fact]
    public async Task An_exec_probe_waits_until_its_command_succeeds_inside_the_container()
    {
        using var client = TestResources.Client();
        using var deadline = TestResources.Deadline();
        var provider = TestResources.Provider(out var runId);
        var service = TestResources.Shell("marker", "exec sleep infinity") with
        {
            Readiness = new ReadinessProbe { Kind = ProbeKind.Exec, Command = ["test", "-f", "/tmp/ready"] },
        };
        try
        {
            var starting = provider.StartAsync(service, "marker", deadline.Token);
            var containerId = await RunningContainerAsync(client, runId, deadline.Token);

            // Only this test creates the marker, so the probe cannot have succeeded before this point.
            Assert.False(starting.IsCompleted, "the instance was ready before its exec probe could succeed");
            var markedAt = DateTimeOffset.UtcNow;
            var touch = await ContainerCommands.ExecAsync(client, containerId, ["touch", "/tmp/ready"], deadline.Token);
            Assert.Equal(0, touch.ExitCode);
            var instance = await starting;

            var report = provider.GetReadinessReport("marker");
            Assert.NotNull(report);
            Assert.Contains("test -f /tmp/ready", report.Probe, StringComparison.Ordinal);
            Assert.True(instance.ReadyAt >= markedAt, $"ready at {instance.ReadyAt:O}, before the marker was created at {markedAt:O}");
        }
        finally
        {
            await provider.DisposeAsync();
            await TestResources.RemoveRunAsync(client, runId);
        }
    }

    private static async Task<string> RunningContainerAsync(DockerClient client, string runId, CancellationToken ct)
    {
        while (true)
        {
            var running = (await TestResources.ContainersOfRunAsync(client, runId)).FirstOrDefault(container => container.State == "running");
            if (running is not null)
            {
                return running.ID;
            }
            // Poll interval while the provider creates and starts the container; the token bounds the wait.
            await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
        }
    }

    [Fact]
    public async Task A_log_line_probe_is_ready_when_the_line_appears()
    {
        using var client = TestResources.Client();
        using var deadline = TestResources.Deadline();
        var provider = TestResources.Provider(out var runId);
        var service = TestResources.Shell("talker", "echo warming up; sleep 0.5; echo accepting requests; exec sleep infinity") with
        {
            Readiness = new ReadinessProbe { Kind = ProbeKind.LogLine, LogPattern = "^accepting requests$" },
        };
        try
        {
            var instance = await provider.StartAsync(service, "talker", deadline.Token);

            Assert.True(instance.ReadyAt - instance.StartedAt >= TimeSpan.FromSeconds(0.5));
            Assert.Contains("log line", provider.GetReadinessReport("talker")!.Probe, StringComparison.Ordinal);
        }
        finally
        {
            await provider.DisposeAsync();
            await TestResources.RemoveRunAsync(client, runId);
        }
    }
}
