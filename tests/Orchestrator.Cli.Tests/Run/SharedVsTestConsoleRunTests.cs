using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Orchestrator.Cli.Tests.Execution;
using Orchestrator.Cli.Tests.Lifecycle;
using Xunit;

namespace Orchestrator.Cli.Tests.Run;

/// <summary>
/// <c>execution.sharedVsTestConsole</c> on the whole tool: the Console.Fixture's three partitions (two external resources
/// whose variables tell the partitions apart, and a resource-free one) run as three units on fewer long-lived
/// <c>vstest.console</c>s, each unit on a test host of its own that sees only its own variables; a hung test is named and
/// its host killed; Ctrl+C leaves no process behind.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class SharedVsTestConsoleRunTests : IDisposable
{
    private static readonly TimeSpan _untilHung = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan _exitAfterSignal = TimeSpan.FromMinutes(3);

    private readonly RunWorkspace _workspace;

    public SharedVsTestConsoleRunTests()
    {
        _workspace = RunWorkspace.CreateWithFixtures(new JsonObject(), "Console.Fixture");
        Directory.CreateDirectory(HostsDirectory);
    }

    private string HostsDirectory => Path.Combine(_workspace.Root, "hosts");

    private string ResultsDirectory => Path.Combine(_workspace.Root, "results");

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Units_run_on_fewer_consoles_than_units_each_on_its_own_host_with_only_its_own_variables()
    {
        WriteConfiguration(hangSeconds: null, hang: false);

        var run = await _workspace.RunAsync("nightly", ResultsDirectory);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}: a host saw another unit's variable, or none of its own\n{run.StandardOutput}\n{run.StandardError}");
        Assert.Contains("4 passed, 0 failed, 0 skipped", run.StandardOutput, StringComparison.Ordinal);
        var units = UnitLogs();
        Assert.Equal(3, units.Count);
        var consoles = units.Select(log => ConsolePid(File.ReadAllText(log))).ToList();
        Assert.All(consoles, pid => Assert.NotNull(pid));
        Assert.True(consoles.Distinct().Count() < units.Count, $"{consoles.Distinct().Count()} vstest.console(s) for {units.Count} units");
        Assert.Equal(consoles.Distinct().Count(), Directory.GetDirectories(ResultsDirectory, "vstest.console.*").Length);
        Assert.DoesNotContain(units, log => File.ReadAllText(log).Contains("> dotnet test", StringComparison.Ordinal));
        string[] tests = ["AlphaTests", "BetaTests", "PlainTests"];
        var hosts = tests.Select(test => File.ReadAllText(Path.Combine(HostsDirectory, test))).ToList();
        Assert.Equal(tests.Length, hosts.Distinct().Count());
        Assert.All(hosts, host => Assert.DoesNotContain(int.Parse(host, CultureInfo.InvariantCulture), consoles.Select(pid => pid!.Value)));
    }

    [Fact]
    public async Task A_hung_test_on_a_shared_console_is_named_and_its_host_killed()
    {
        WriteConfiguration(hangSeconds: 3, hang: true);

        var run = await _workspace.RunAsync("nightly", ResultsDirectory, ["--filter", "Name=Hangs_when_asked"]);

        Assert.True(run.ExitCode != 0, $"a hung test fails the run\n{run.StandardOutput}");
        Assert.Contains("The test Console.Fixture.PlainTests.Hangs_when_asked ran longer than the hang timeout of 3 s", run.StandardOutput, StringComparison.Ordinal);
        Assert.All(UnitLogs(), log => Assert.NotNull(ConsolePid(File.ReadAllText(log))));
        var host = int.Parse(await File.ReadAllTextAsync(Path.Combine(HostsDirectory, "Hangs_when_asked")), CultureInfo.InvariantCulture);
        Assert.False(FixtureProject.IsAlive(host), $"the hung test's host {host} outlived the run");
    }

    [Fact]
    public async Task SIGINT_while_a_test_runs_on_a_shared_console_leaves_no_process_behind()
    {
        WriteConfiguration(hangSeconds: null, hang: true);
        using var tool = ToolRun.Start(["run", "--config", _workspace.ConfigurationPath, "--cadence", "nightly", "--results", ResultsDirectory, "--filter", "Name=Hangs_when_asked"]);
        var started = Path.Combine(HostsDirectory, "Hangs_when_asked");
        Assert.True(await FixtureProject.EventuallyAsync(() => File.Exists(started) || tool.HasExited, _untilHung), $"the test did not start within {_untilHung}:\n{tool.Output}");
        Assert.False(tool.HasExited, $"the run ended before the test held it:\n{tool.Output}");
        var processes = tool.Descendants();
        Assert.Contains(processes, pid => CommandLine(pid).Contains("vstest.console.dll", StringComparison.Ordinal));

        tool.Signal("INT");

        Assert.True(await tool.WaitForExitAsync(_exitAfterSignal), $"the tool did not exit within {_exitAfterSignal} of SIGINT:\n{tool.Output}");
        Assert.True(tool.ExitCode != 0, $"exit code 0 after SIGINT:\n{tool.Output}");
        var host = int.Parse(await File.ReadAllTextAsync(started), CultureInfo.InvariantCulture);
        // Killed before the tool exits; a process being reaped may take a moment to vanish from /proc.
        Assert.True(
            await FixtureProject.EventuallyAsync(() => !processes.Append(host).Any(FixtureProject.IsAlive), TimeSpan.FromSeconds(30)),
            $"processes outlived the tool: {string.Join("; ", processes.Append(host).Where(FixtureProject.IsAlive).Select(pid => $"{pid} {CommandLine(pid)}"))}");
    }

    private void WriteConfiguration(int? hangSeconds, bool hang)
    {
        var environment = new JsonObject { ["CONSOLE_FIXTURE_HOSTS"] = HostsDirectory };
        if (hang)
        {
            environment["CONSOLE_FIXTURE_HANG"] = "1";
        }
        var configuration = new JsonObject
        {
            ["layers"] = new JsonArray("unit", "integration"),
            ["resources"] = new JsonObject
            {
                ["alpha"] = new JsonObject { ["kind"] = "external", ["variables"] = new JsonObject { ["CONSOLE_ALPHA"] = "alpha-value" } },
                ["beta"] = new JsonObject { ["kind"] = "external", ["variables"] = new JsonObject { ["CONSOLE_BETA"] = "beta-value" } },
            },
            // Each resource set a unit of its own, so that the variables tell the units' hosts apart.
            ["parallelism"] = new JsonObject { ["packBelowSeconds"] = 0 },
            ["execution"] = new JsonObject { ["sharedVsTestConsole"] = true },
            ["testEnvironment"] = environment,
        };
        if (hangSeconds is { } seconds)
        {
            configuration["timeouts"] = new JsonObject { ["testHangSeconds"] = seconds };
        }
        File.WriteAllText(_workspace.ConfigurationPath, configuration.ToJsonString());
    }

    private List<string> UnitLogs() =>
        [.. Directory.GetDirectories(ResultsDirectory)
            .Where(directory => !Path.GetFileName(directory).StartsWith("vstest.console.", StringComparison.Ordinal))
            .Select(directory => Path.Combine(directory, "output.log"))
            .Where(File.Exists)];

    /// <summary>The console a unit's log says served it; null when it ran a dotnet test of its own.</summary>
    private static int? ConsolePid(string log) =>
        ServedBy().Match(log) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^> vstest\.console \(pid (\d+)\): ", RegexOptions.Multiline)]
    private static partial Regex ServedBy();

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "(gone)";
        }
    }
}
