using System.Text.Json.Nodes;
using Orchestrator.Cli.Tests.Run;
using Xunit;

namespace Orchestrator.Cli.Tests.TestingPlatform;

/// <summary>
/// The built tool on the platform fixtures with the team's .runsettings: a shared file (testSettings.runSettings) and a
/// project file (RunSettingsFilePath in the manifests of Platform.Mstest, Platform.Nunit and Platform.Xunit). The
/// Settings test of MSTest's runner and NUnit's runner passes only with the test run parameters of both files, the
/// project's over the shared one, and the shared file's environment variable (which the application sets in a test host
/// process of its own); xunit.v3 and TUnit read no .runsettings, and the run names them.
/// </summary>
[Trait("Category", "E2E")]
public sealed class PlatformRunSettingsTests
{
    // Integration tests on postgres and redis: each fixture's Saves, and the Settings test of the two that read runsettings.
    private static JsonObject Configuration(bool settings)
    {
        var configuration = new JsonObject
        {
            ["layers"] = new JsonArray("integration"),
            ["cadences"] = new JsonObject
            {
                ["commit"] = new JsonObject { ["layers"] = new JsonArray("integration"), ["resources"] = new JsonArray("postgres", "redis"), ["retries"] = 0 },
            },
            ["resources"] = new JsonObject
            {
                ["postgres"] = new JsonObject { ["kind"] = "external", ["description"] = "never connected to by the fixtures" },
                ["redis"] = new JsonObject { ["kind"] = "external", ["description"] = "never connected to by the fixtures" },
            },
        };
        if (settings)
        {
            configuration["testSettings"] = new JsonObject { ["runSettings"] = "shared.runsettings" };
        }
        return configuration;
    }

    [Fact]
    public async Task Mstest_and_nunit_runner_applications_get_the_merged_runsettings_and_xunit_and_tunit_ones_are_named()
    {
        using var workspace = RunWorkspace.CreateWithFixtures(Configuration(settings: true), "platform");
        var shared = Path.Combine(workspace.Root, "shared.runsettings");
        var project = Path.Combine(workspace.Root, "project.runsettings");
        await File.WriteAllTextAsync(shared, """
            <RunSettings>
              <RunConfiguration><ResultsDirectory>shared-results</ResultsDirectory><EnvironmentVariables><ORDERS_MODE>ci</ORDERS_MODE></EnvironmentVariables></RunConfiguration>
              <TestRunParameters><Parameter name="orders" value="shared" /><Parameter name="region" value="shared" /></TestRunParameters>
            </RunSettings>
            """);
        await File.WriteAllTextAsync(project, """<RunSettings><TestRunParameters><Parameter name="orders" value="project" /></TestRunParameters></RunSettings>""");
        await SetProjectSettingsAsync(workspace, project);

        var configured = await TestConfigRunTests.RunAsync(workspace, "configured");

        Assert.True(configured.Run.ExitCode == 0, CoverageRunTests.Describe(configured.Run));
        Assert.Equal([.. Enumerable.Repeat(("Saves", "passed"), 4), ("Settings", "passed"), ("Settings", "passed")], configured.Outcomes);
        var written = Directory.GetFiles(Path.Combine(workspace.Root, "configured"), "*.runsettings", SearchOption.AllDirectories);
        Assert.Equal(["Platform.Mstest.runsettings", "Platform.Nunit.runsettings"], written.Select(Path.GetFileName).Distinct().Order(StringComparer.Ordinal));
        Assert.All(written, file => Assert.DoesNotContain("ResultsDirectory", File.ReadAllText(file), StringComparison.Ordinal));
        var warnings = configured.Run.StandardError;
        // The project's parameter wins, once said for both applications; the results directory is the orchestrator's.
        var overridden = $"'{project}' sets TestRunParameters/Parameter[orders]@value differently from '{shared}': the project's value from '{project}' is used.";
        Assert.Single(warnings.Split('\n'), line => line.Contains(overridden, StringComparison.Ordinal));
        var owned = $"'{shared}' sets RunConfiguration/ResultsDirectory, which the orchestrator sets itself in every unit";
        Assert.Single(warnings.Split('\n'), line => line.Contains(owned, StringComparison.Ordinal));
        Assert.Contains(owned, configured.Summary, StringComparison.Ordinal);
        var unread = $"The Microsoft.Testing.Platform applications Platform.Tunit (testSettings.runSettings in {workspace.ConfigurationPath}), " +
            $"Platform.Xunit (testSettings.runSettings in {workspace.ConfigurationPath}, its RunSettingsFilePath '{project}') read no .runsettings file";
        Assert.Contains(unread, warnings, StringComparison.Ordinal);
        Assert.Contains(unread, configured.Summary, StringComparison.Ordinal);

        // Without the team's files the Settings tests fail, and nothing is said about runsettings.
        await File.WriteAllTextAsync(workspace.ConfigurationPath, Configuration(settings: false).ToJsonString());
        await SetProjectSettingsAsync(workspace, null);

        var plain = await TestConfigRunTests.RunAsync(workspace, "plain");

        Assert.True(plain.Run.ExitCode == 1, CoverageRunTests.Describe(plain.Run));
        Assert.Equal([.. Enumerable.Repeat(("Saves", "passed"), 4), ("Settings", "failed"), ("Settings", "failed")], plain.Outcomes);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(workspace.Root, "plain"), "*.runsettings", SearchOption.AllDirectories));
        Assert.DoesNotContain("runsettings", plain.Run.StandardError, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Sets (or with null removes) the RunSettingsFilePath of Platform.Mstest, Platform.Nunit and Platform.Xunit in the workspace's manifests.</summary>
    private static async Task SetProjectSettingsAsync(RunWorkspace workspace, string? file)
    {
        foreach (var manifest in Directory.EnumerateFiles(workspace.ManifestDirectory))
        {
            var document = JsonNode.Parse(await File.ReadAllTextAsync(manifest))!.AsObject();
            if ((string)document["projectName"]! is "Platform.Mstest" or "Platform.Nunit" or "Platform.Xunit")
            {
                document["runSettingsFilePath"] = file;
                await File.WriteAllTextAsync(manifest, document.ToJsonString());
            }
        }
    }
}
