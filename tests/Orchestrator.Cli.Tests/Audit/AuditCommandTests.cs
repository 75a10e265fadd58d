using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Cli.Tests.Adoption;
using Orchestrator.Cli.Tests.Run;
using Xunit;

namespace Orchestrator.Cli.Tests.Audit;

/// <summary>
/// The built tool's <c>audit</c> as a process: on the Shop sample (its built test projects, this repository's own
/// configuration of Postgres, Redis and RabbitMQ), and on a small repository with a fixed wait in a test, a
/// <c>latest</c> image and clear-text passwords, each reported with its file and line.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AuditCommandTests
{
    private static readonly string[] Answers = ["yes", "no", "unknown"];
    private static readonly string[] ShopProjects = ["Shop.UnitTests", "Shop.IntegrationTests", "Shop.ContractTests", "Shop.EndToEndTests"];

    [Fact]
    public async Task On_the_shop_sample_it_answers_from_the_discovered_tests_their_sources_and_the_configuration_and_writes_audit_md_and_json()
    {
        var configuration = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root(), "orchestrator.json")))!.AsObject();
        using var workspace = RunWorkspace.Create(configuration, ShopProjects);

        var audit = await workspace.ToolAsync(["audit", "--config", workspace.ConfigurationPath]);

        Assert.True(audit.ExitCode == 0, $"exit code {audit.ExitCode}\n{audit.StandardOutput}\n{audit.StandardError}");
        var results = Path.Combine(workspace.Root, "artifacts", "test-results");
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(results, "audit.json")))!;
        var items = Items(report);
        // Every Shop test carries its layer as a trait; discovery, not a guess, says so.
        Assert.Equal("yes", (string?)items["layers-tagged"]["answer"]);
        Assert.Contains("from a trait", (string?)items["layers-tagged"]["finding"], StringComparison.Ordinal);
        // The Shop's test projects are scanned where their manifests say they are.
        var scanned = items["no-fixed-waits"]["evidence"]!.AsArray().Select(evidence => (string?)evidence!["file"]).ToList();
        Assert.All(ShopProjects, project => Assert.Contains(Path.Combine(RepositoryPaths.Root(), "samples", "Shop", "tests", project), scanned));
        Assert.Equal("yes", (string?)items["state-isolated"]["answer"]);
        Assert.Equal("yes", (string?)items["secrets-out-of-config"]["answer"]);
        Assert.Equal("unknown", (string?)items["consecutive-runs"]["answer"]);
        Assert.StartsWith("Record history:", (string?)items["consecutive-runs"]["fix"], StringComparison.Ordinal);
        var markdown = await File.ReadAllTextAsync(Path.Combine(results, "audit.md"));
        Assert.Contains($"Readiness score {report["score"]!["yes"]}/{report["score"]!["answerable"]}", markdown, StringComparison.Ordinal);
        Assert.Contains($"Readiness score {report["score"]!["yes"]}/{report["score"]!["answerable"]}", audit.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_repository_with_a_sleep_a_latest_image_and_clear_text_passwords_it_reports_each_with_its_file_and_line()
    {
        using var workspace = RunWorkspace.Create(new JsonObject());
        var fixture = WeakRepository.WriteInto(workspace.Root);

        var audit = await workspace.ToolAsync(["audit", "--config", workspace.ConfigurationPath]);

        Assert.True(audit.ExitCode == 0, $"exit code {audit.ExitCode}\n{audit.StandardOutput}\n{audit.StandardError}");
        Assert.Contains($"{fixture.TestFile}:{fixture.SleepLine}: Thread.Sleep waits a fixed time", audit.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"orchestrator.json:{fixture.LatestImageLine}: 'mail:latest' of 'mail' is latest", audit.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"orchestrator.json:{fixture.ConfigurationPasswordLine}: 'MAIL_PASSWORD' is written in clear", audit.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"{fixture.AppSettingsFile}:{fixture.AppSettingsPasswordLine}: 'Password' is written in clear", audit.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(WeakRepository.Password, audit.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_json_it_writes_the_score_every_question_with_answer_evidence_and_fix_and_the_team_s_questions()
    {
        using var workspace = RunWorkspace.Create(new JsonObject());
        var fixture = WeakRepository.WriteInto(workspace.Root);

        var audit = await workspace.ToolAsync(["audit", "--config", workspace.ConfigurationPath, "--json"]);

        Assert.True(audit.ExitCode == 0, $"exit code {audit.ExitCode}\n{audit.StandardOutput}\n{audit.StandardError}");
        var report = JsonNode.Parse(audit.StandardOutput)!;
        Assert.Equal(
            ["layers-tagged", "state-isolated", "consecutive-runs", "no-fixed-waits", "images-pinned", "secrets-out-of-config", "production-versions", "flaky-tests-owned"],
            report["items"]!.AsArray().Select(item => (string?)item!["id"]));
        Assert.All(report["items"]!.AsArray(), item =>
        {
            Assert.Contains((string?)item!["answer"], Answers);
            Assert.False(string.IsNullOrEmpty((string?)item["question"]));
            Assert.False(string.IsNullOrEmpty((string?)item["finding"]));
            Assert.Equal(JsonValueKind.Array, item["evidence"]!.GetValueKind());
            Assert.Equal((string?)item["answer"] == "yes", item["fix"] is null);
        });
        var items = Items(report);
        var sleep = Assert.Single(items["no-fixed-waits"]["evidence"]!.AsArray());
        Assert.Equal((fixture.TestFile, fixture.SleepLine), ((string?)sleep!["file"], (int?)sleep["line"]));
        var answers = report["items"]!.AsArray().Select(item => (string?)item!["answer"]).ToList();
        Assert.Equal(answers.Count(answer => answer == "yes"), (int?)report["score"]!["yes"]);
        Assert.Equal(answers.Count(answer => answer != "unknown"), (int?)report["score"]!["answerable"]);
        Assert.Equal(answers.Count(answer => answer == "unknown"), (int?)report["score"]!["unknown"]);
        Assert.NotEmpty(report["forTheTeam"]!.AsArray());
    }

    [Fact]
    public async Task A_configuration_that_does_not_exist_is_a_usage_error_with_exit_code_2()
    {
        using var workspace = RunWorkspace.Create(new JsonObject());

        var audit = await workspace.ToolAsync(["audit", "--config", Path.Combine(workspace.Root, "missing.json")]);

        Assert.Equal(2, audit.ExitCode);
        Assert.Contains("missing.json", audit.StandardError, StringComparison.Ordinal);
    }

    private static Dictionary<string, JsonNode> Items(JsonNode report) =>
        report["items"]!.AsArray().ToDictionary(item => (string)item!["id"]!, item => item!, StringComparer.Ordinal);
}
