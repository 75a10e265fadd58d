using System.Diagnostics;
using System.Globalization;
using Docker.DotNet.Models;
using Docker.DotNet;
using Orchestrator.Docker.Cleanup;
using Orchestrator.Docker.Tests.Support;
using Xunit;

namespace Orchestrator.Docker.Tests.Cleanup;

[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
public sealed class OrphanSweepTests
{
    [Fact]
    public async Task Sweep_removes_a_container_whose_owner_process_is_dead_and_keeps_one_whose_owner_lives()
    {
        using var client = TestResources.Client();
        using var deadline = TestResources.Deadline();
        var ct = deadline.Token;
        var deadRun = "test-dead-" + Guid.NewGuid().ToString("N");
        var liveRun = "test-live-" + Guid.NewGuid().ToString("N");
        var orphan = await CreateLabelledAsync(client, deadRun, await DeadPidAsync(ct), ct);
        var kept = await CreateLabelledAsync(client, liveRun, Environment.ProcessId, ct);
        await using var provider = TestResources.Provider(out _);
        try
        {
            var removed = await provider.SweepOrphansAsync(ct);

            Assert.Contains(orphan, removed);
            Assert.DoesNotContain(kept, removed);
            Assert.Empty(await TestResources.ContainersOfRunAsync(client, deadRun));
            Assert.Single(await TestResources.ContainersOfRunAsync(client, liveRun));
        }
        finally
        {
            await TestResources.RemoveRunAsync(client, deadRun);
            await TestResources.RemoveRunAsync(client, liveRun);
        }
    }

    [Fact]
    public async Task Clean_all_restricted_to_a_run_removes_that_run_only()
    {
        using var client = TestResources.Client();
        using var deadline = TestResources.Deadline();
        var ct = deadline.Token;
        var cleanedRun = "test-clean-" + Guid.NewGuid().ToString("N");
        var otherRun = "test-other-" + Guid.NewGuid().ToString("N");
        var cleaned = await CreateLabelledAsync(client, cleanedRun, Environment.ProcessId, ct);
        await CreateLabelledAsync(client, otherRun, Environment.ProcessId, ct);
        await using var provider = TestResources.Provider(out _);
        try
        {
            var removed = await provider.CleanAllAsync(cleanedRun, ct);

            Assert.Equal([cleaned], removed);
            Assert.Single(await TestResources.ContainersOfRunAsync(client, otherRun));
        }
        finally
        {
            await TestResources.RemoveRunAsync(client, cleanedRun);
            await TestResources.RemoveRunAsync(client, otherRun);
        }
    }

    private static async Task<int> DeadPidAsync(CancellationToken ct)
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync(ct);
        return process.Id;
    }

    private static async Task<string> CreateLabelledAsync(DockerClient client, string runId, int ownerPid, CancellationToken ct)
    {
        var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = TestResources.BaseImage,
            Cmd = ["sleep", "infinity"],
            Labels = new Dictionary<string, string>
            {
                [ContainerLabels.Tool] = ContainerLabels.ToolValue,
                [ContainerLabels.RunId] = runId,
                [ContainerLabels.OwnerHost] = OwnerProcess.Current.Host,
                [ContainerLabels.OwnerPid] = ownerPid.ToString(CultureInfo.InvariantCulture),
                [ContainerLabels.Created] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            },
        }, ct);
        return created.ID;
    }
}
