using System.Text.Json.Nodes;
using Orchestrator.Cli.Tests.Run;
using Orchestrator.Docker;
using Xunit;

namespace Orchestrator.Cli.Tests.Up;

/// <summary>
/// <c>up</c> keeps the Shop's integration services for the IDE and plain <c>dotnet test</c>; <c>clean</c> and a run's sweep
/// leave them alone; <c>run --reuse</c> runs on them in namespaces of its own; <c>down</c> removes them.
/// </summary>
[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
[Trait("Resource", "postgres")]
public sealed class UpDownTests
{
    private const string AuditTests = "Shop.IntegrationTests.Payments.PostgresPaymentAuditTests";
    private static readonly TimeSpan _removalDeadline = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Plain_dotnet_test_passes_with_the_runsettings_up_writes_and_down_leaves_no_container()
    {
        await using var up = UpWorkspace.Create(ShopServicesConfiguration.Create());

        var started = await up.ToolAsync("up", "--filter", "Category=Integration", "--project", "Shop.IntegrationTests");

        Assert.True(started.ExitCode == 0, Output(started));
        Assert.Equal(["postgres", "rabbitmq", "redis"], (await up.KeptContainersAsync()).Select(container => container.Labels[ContainerLabels.Resource]).Order(StringComparer.Ordinal));
        Assert.Contains("ConnectionStrings__Postgres=", await File.ReadAllTextAsync(up.EnvFile), StringComparison.Ordinal);
        Assert.Contains("--settings .orchestrator/orchestrator.runsettings", started.StandardOutput, StringComparison.Ordinal);

        var again = await up.ToolAsync("up");
        Assert.True(again.ExitCode == 0, Output(again));
        Assert.Contains("Already up since", again.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Redis=", again.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(3, (await up.KeptContainersAsync()).Count);

        var dotnetTest = await up.Workspace.ProcessAsync(
            "dotnet", ["test", ShopIntegrationTestsAssembly(up), "--settings", up.RunSettingsFile, "--filter", "Category=Integration"], timeout: TimeSpan.FromMinutes(5));
        Assert.True(dotnetTest.ExitCode == 0, Output(dotnetTest));
        Assert.Matches(@"Passed!\s+-\s+Failed:\s+0, Passed:\s+[1-9]", dotnetTest.StandardOutput);

        var down = await up.ToolAsync("down");
        Assert.True(down.ExitCode == 0, Output(down));
        Assert.True(await up.NoneLeftAsync($"{ContainerLabels.KeptBy}={up.StateFile}", _removalDeadline), "containers of 'up' are left after 'down'");
        Assert.False(File.Exists(up.StateFile) || File.Exists(up.EnvFile) || File.Exists(up.RunSettingsFile), "down left its files");

        var downAgain = await up.ToolAsync("down");
        Assert.True(downAgain.ExitCode == 2, Output(downAgain));
        Assert.Contains("Nothing is up", downAgain.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clean_and_the_sweep_of_a_run_leave_the_containers_of_up_alone()
    {
        await using var up = UpWorkspace.Create(ShopServicesConfiguration.Create());
        var started = await up.ToolAsync("up", "--filter", $"FullyQualifiedName~{AuditTests}");
        Assert.True(started.ExitCode == 0, Output(started));
        var kept = Assert.Single(await up.KeptContainersAsync());

        var clean = await up.Workspace.ToolAsync(["clean"]);
        var run = await up.ToolAsync("run", "--results", Path.Combine(up.Workspace.Root, "results"), "--filter", $"FullyQualifiedName~{AuditTests}");

        Assert.True(clean.ExitCode == 0, Output(clean));
        Assert.True(run.ExitCode == 0, Output(run));
        var after = Assert.Single(await up.KeptContainersAsync());
        Assert.Equal(kept.ID, after.ID);
        Assert.True((await up.Docker.Containers.InspectContainerAsync(kept.ID)).State.Running);
    }

    [Fact]
    public async Task A_reusing_run_starts_no_container_and_runs_in_a_database_of_its_own()
    {
        // Shared, as the Shop declares it: a dedicated resource (the kind's default) gets a server per unit, never the kept one.
        var configuration = ShopServicesConfiguration.Create();
        configuration["resources"]!["postgres"]!["isolation"] = "shared";
        await using var up = UpWorkspace.Create(configuration);
        var started = await up.ToolAsync("up", "--filter", $"FullyQualifiedName~{AuditTests}");
        Assert.True(started.ExitCode == 0, Output(started));
        var kept = Assert.Single(await up.KeptContainersAsync());
        var databasesBefore = await up.DatabasesAsync(kept.ID);
        var results = Path.Combine(up.Workspace.Root, "results");

        var run = await up.ToolAsync("run", "--reuse", "--results", results, "--filter", $"FullyQualifiedName~{AuditTests}");

        Assert.True(run.ExitCode == 0, Output(run));
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(results, "run.json")))!;
        Assert.Equal([kept.ID], record["containers"]!.AsArray().Select(container => (string?)container!["containerId"]));
        Assert.Equal(kept.ID, Assert.Single(await up.KeptContainersAsync()).ID);
        var databasesAfter = await up.DatabasesAsync(kept.ID);
        Assert.Superset(databasesBefore, databasesAfter);
        Assert.NotEmpty(databasesAfter.Except(databasesBefore));
    }

    private static string ShopIntegrationTestsAssembly(UpWorkspace up)
    {
        var manifest = Directory.GetFiles(up.Workspace.ManifestDirectory, "Shop.IntegrationTests-*.json").Single();
        return (string)JsonNode.Parse(File.ReadAllText(manifest))!["targetPath"]!;
    }

    private static string Output(CliWrap.Buffered.BufferedCommandResult result) =>
        $"exit code {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}";
}
