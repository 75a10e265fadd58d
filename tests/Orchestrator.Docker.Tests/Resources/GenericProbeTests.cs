using Orchestrator.Configuration;
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
        var service = TestResources.Shell("marker", "sleep 0.5; touch /tmp/ready; exec sleep infinity") with
        {
            Readiness = new ReadinessProbe { Kind = ProbeKind.Exec, Command = ["test", "-f", "/tmp/ready"] },
        };
        try
        {
            var instance = await provider.StartAsync(service, "marker", deadline.Token);

            var report = provider.GetReadinessReport("marker");
            Assert.NotNull(report);
            Assert.Contains("test -f /tmp/ready", report.Probe, StringComparison.Ordinal);
            Assert.True(report.Attempts > 1, $"the probe succeeded at its first attempt, before the marker could exist ({report.Attempts} attempts)");
            Assert.True(instance.ReadyAt - instance.StartedAt >= TimeSpan.FromSeconds(0.5));
        }
        finally
        {
            await provider.DisposeAsync();
            await TestResources.RemoveRunAsync(client, runId);
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
