using System.Text.Json.Nodes;
using Xunit;

namespace Orchestrator.Cli.Tests.Run;

/// <summary>
/// A developer's slice: <c>run --filter</c> without a cadence, over the Shop's integration tests with Postgres, Redis
/// and RabbitMQ all configured. Only the selected tests run, and only the container they need is started.
/// </summary>
[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
[Trait("Resource", "postgres")]
public sealed class SliceRunTests
{
    private const string AuditTests = "Shop.IntegrationTests.Payments.PostgresPaymentAuditTests";

    [Fact]
    public async Task A_slice_that_needs_only_postgres_runs_its_tests_and_starts_no_other_container()
    {
        using var workspace = RunWorkspace.Create(ShopServicesConfiguration.Create(), "Shop.IntegrationTests");
        var results = Path.Combine(workspace.Root, "results");

        var run = await workspace.ToolAsync(["run", "--config", workspace.ConfigurationPath, "--results", results, "--filter", $"FullyQualifiedName~{AuditTests}"]);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\n{run.StandardOutput}\n{run.StandardError}");
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(results, "run.json")))!;
        Assert.Equal("slice", (string?)record["cadence"]);
        var ran = record["units"]!.AsArray().SelectMany(unit => unit!["expectedTests"]!.AsArray()).Select(test => (string)test!["fullyQualifiedName"]!).ToList();
        Assert.NotEmpty(ran);
        Assert.All(ran, test => Assert.StartsWith(AuditTests + ".", test, StringComparison.Ordinal));
        Assert.Equal(["postgres"], record["containers"]!.AsArray().Select(container => (string)container!["resource"]!).Distinct());
        Assert.Matches(@"^\d+ passed, 0 failed, 0 skipped$", run.StandardOutput.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public async Task A_slice_that_selects_nothing_is_a_usage_error_with_the_nearest_name()
    {
        using var workspace = RunWorkspace.Create(ShopServicesConfiguration.Create(), "Shop.IntegrationTests");

        var run = await workspace.ToolAsync(["plan", "--config", workspace.ConfigurationPath, "--filter", "FullyQualifiedName~PostgresPaymentAudtTests"]);

        Assert.True(run.ExitCode == 2, $"exit code {run.ExitCode}\n{run.StandardOutput}\n{run.StandardError}");
        Assert.Contains("did you mean 'PostgresPaymentAuditTests'?", run.StandardError, StringComparison.Ordinal);
    }
}
