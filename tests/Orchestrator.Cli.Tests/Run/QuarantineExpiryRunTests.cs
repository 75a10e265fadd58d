using System.Text.Json.Nodes;
using Xunit;

namespace Orchestrator.Cli.Tests.Run;

/// <summary>A failing test under quarantine fails no build until its quarantine runs out; then it fails the build again, and the reports say why.</summary>
[Trait("Category", "Integration")]
public sealed class QuarantineExpiryRunTests
{
    [Theory]
    [InlineData("2999-12-31", 0)]
    [InlineData("2020-01-31", 1)]
    public async Task A_quarantined_failure_fails_the_build_once_its_quarantine_has_run_out(string expires, int exitCode)
    {
        using var workspace = RunWorkspace.CreateWithFixtures(new JsonObject
        {
            ["layers"] = new JsonArray("integration"),
            ["defaultLayer"] = "integration",
            ["cadences"] = new JsonObject
            {
                ["pr"] = new JsonObject
                {
                    ["layers"] = new JsonArray("integration"),
                    ["resources"] = new JsonArray(),
                    ["quarantine"] = new JsonArray(new JsonObject
                    {
                        ["test"] = "Repeat.Fixture.FailingTests.*",
                        ["owner"] = "platform-team",
                        ["reason"] = "fails on purpose",
                        ["expires"] = expires,
                    }),
                },
            },
        }, "Repeat.Fixture");
        var results = Path.Combine(workspace.Root, "results");

        var run = await workspace.RunAsync("pr", results, ["--filter", "ClassName=Repeat.Fixture.FailingTests"]);

        Assert.True(run.ExitCode == exitCode, $"exit code {run.ExitCode}\n{run.StandardOutput}\n{run.StandardError}");
        var summary = await File.ReadAllTextAsync(Path.Combine(results, "summary.md"));
        var ranOut = $"The quarantine of 'Repeat.Fixture.FailingTests.*' (owner platform-team: fails on purpose) in cadence 'pr' ran out on {expires}";
        if (exitCode == 0)
        {
            Assert.DoesNotContain("ran out", summary, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(ranOut, summary, StringComparison.Ordinal);
            Assert.Contains($"in cadence &#39;pr&#39; ran out on {expires}", await File.ReadAllTextAsync(Path.Combine(results, "report.html")), StringComparison.Ordinal);
        }
    }
}
