using System.Diagnostics;
using Docker.DotNet.Models;
using Orchestrator.Docker;
using Orchestrator.Reporting;
using Orchestrator.Results;
using Orchestrator.Results.Trx;
using Xunit;
using Xunit.Abstractions;

namespace Orchestrator.Cli.Tests.Lifecycle;

/// <summary>
/// The cleanup guarantees of <c>orchestrator run</c> on real processes and real containers: the tool is
/// started on <see cref="HoldingPostgresSuite"/> and signalled once its Postgres container runs, the quick
/// tests' results have streamed and the slow test holds the unit.
/// </summary>
[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
public sealed class SignalCleanupTests(HoldingPostgresSuite suite, ITestOutputHelper output) : IClassFixture<HoldingPostgresSuite>, IAsyncLifetime
{
    // Discovery, a container and a test host on a loaded machine can take minutes.
    private static readonly TimeSpan _untilHeld = TimeSpan.FromMinutes(10);

    // The tool gives its cleanup up to 90 s after a signal; merging partial results comes on top.
    private static readonly TimeSpan _exitAfterSignal = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan _wholeRun = TimeSpan.FromMinutes(12);

    private readonly LifecycleWorkspace _workspace = suite.CreateWorkspace();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _workspace.DisposeAsync();

    [Fact]
    public Task SIGINT_mid_run_removes_the_container_and_keeps_the_finished_results() => StopMidRunAsync("INT", toGroup: false);

    [Fact]
    public Task SIGTERM_mid_run_removes_the_container_and_keeps_the_finished_results() => StopMidRunAsync("TERM", toGroup: false);

    /// <summary>Ctrl+C in a terminal: every process of the foreground job, unit processes included, gets SIGINT at once.</summary>
    [Fact]
    public Task Ctrl_C_to_the_whole_process_group_removes_the_container_and_keeps_the_finished_results() => StopMidRunAsync("INT", toGroup: true);

    [Fact]
    public async Task A_killed_run_leaves_its_container_and_the_next_run_into_its_results_sweeps_it_and_its_raw_output()
    {
        var first = _workspace.StartRun();
        var held = await HeldAsync(first);
        var deadWork = Path.Combine(_workspace.WorkDirectories, held.RunId);
        // The careless test's message holds the secret: the dead run's raw output is what must not survive.
        Assert.NotEmpty(LifecycleWorkspace.FilesContaining(deadWork, held.Secret));
        var units = Describe(_workspace.UnitProcesses());

        first.Signal("KILL");

        Assert.True(await first.WaitForExitAsync(TimeSpan.FromMinutes(1)), "The tool did not die of SIGKILL within a minute.");
        Assert.True(await _workspace.ContainerExistsAsync(held.ContainerId), "A killed run cannot remove its container; it should be left for the next run.");
        Assert.True(File.Exists(Path.Combine(_workspace.ResultsDirectory, ".orchestrator-results")), "The results directory was not marked before the run started.");
        Assert.False(File.Exists(Path.Combine(_workspace.ResultsDirectory, RunRecordStore.FileName)));
        var orphans = _workspace.UnitProcesses();
        output.WriteLine($"Unit processes before SIGKILL: {units}");
        output.WriteLine($"Unit processes alive after the orchestrator died: {Describe(orphans)}");

        var release = _workspace.ReleaseFile("second");
        await File.WriteAllTextAsync(release, "the second run does not hold");
        _workspace.WriteConfiguration(release);
        var clock = Stopwatch.StartNew();
        var second = _workspace.StartRun();
        var finished = await second.WaitForExitAsync(_wholeRun);

        Assert.True(finished, $"The second run did not finish within {_wholeRun}:\n{second.Output}");
        output.WriteLine($"Second run: exit code {second.ExitCode} after {clock.Elapsed.TotalSeconds:0.0} s");
        // 1: the careless test failed; 2 would be a run that refused to start (e.g. the results directory).
        Assert.True(second.ExitCode == 1, $"exit code {second.ExitCode}:\n{second.Output}");
        // Another orchestrator run on this host could sweep the orphan first; gone is the guarantee.
        var swept = second.Output.Contains($"Removing orphan container {held.ContainerId[..12]}", StringComparison.Ordinal);
        output.WriteLine($"The second run reported sweeping the orphan {held.ContainerId[..12]}: {swept}");
        Assert.False(await _workspace.ContainerExistsAsync(held.ContainerId), $"The orphan of the killed run is still there:\n{second.Output}");
        Assert.Empty(Ids(await _workspace.ContainersOfRunAsync(held.RunId)));
        var record = await RunRecordStore.ReadAsync(Path.Combine(_workspace.ResultsDirectory, RunRecordStore.FileName), CancellationToken.None);
        _workspace.Track(record.RunId);
        Assert.NotEqual(held.RunId, record.RunId);
        Assert.False(record.Incomplete);
        Assert.Empty(Ids(await _workspace.ContainersOfRunAsync(record.RunId)));
        var outcomes = LayerOutcomes();
        Assert.Equal(TrxOutcome.Passed, outcomes[HoldingPostgresSuite.QuickTest].Outcome);
        Assert.Equal(TrxOutcome.Failed, outcomes[HoldingPostgresSuite.CarelessTest].Outcome);
        Assert.Equal(TrxOutcome.Passed, outcomes[HoldingPostgresSuite.SlowTest].Outcome);
        Assert.False(Directory.Exists(deadWork), $"The dead run's work directory {deadWork} was not removed.");
        Assert.Empty(LifecycleWorkspace.FilesContaining(_workspace.Root, held.Secret));
        // The second run kills the test processes the dead run left running before it removes their directory.
        Assert.True(
            await LifecycleWorkspace.EventuallyAsync(() => Task.FromResult(!orphans.Any(pid => _workspace.UnitProcesses().Contains(pid))), TimeSpan.FromSeconds(30)),
            $"Unit processes of the dead run outlived the second run: {Describe(orphans.Where(pid => _workspace.UnitProcesses().Contains(pid)).ToList())}");
    }

    private async Task StopMidRunAsync(string signal, bool toGroup)
    {
        var tool = _workspace.StartRun(ownSession: toGroup);
        var held = await HeldAsync(tool);
        var units = Describe(_workspace.UnitProcesses());
        var clock = Stopwatch.StartNew();

        if (toGroup)
        {
            tool.SignalGroup(signal);
        }
        else
        {
            tool.Signal(signal);
        }

        var exited = await tool.WaitForExitAsync(_exitAfterSignal);
        Assert.True(exited, $"The tool did not exit within {_exitAfterSignal} of SIG{signal}:\n{tool.Output}");
        output.WriteLine($"SIG{signal}{(toGroup ? " to the process group" : "")}: exit code {tool.ExitCode}, {clock.Elapsed.TotalSeconds:0.0} s after the signal; unit processes were {units}");
        Assert.True(tool.ExitCode != 0, $"exit code 0 after SIG{signal}:\n{tool.Output}");
        Assert.Empty(Ids(await _workspace.ContainersOfRunAsync(held.RunId)));
        Assert.Empty(Ids(await _workspace.ContainersOwnedByAsync(tool.Pid)));
        // Killed before the tool exits; a process being reaped may take a moment to vanish from /proc.
        Assert.True(
            await LifecycleWorkspace.EventuallyAsync(() => Task.FromResult(_workspace.UnitProcesses().Count == 0), TimeSpan.FromSeconds(30)),
            $"Unit processes outlived the tool: {Describe(_workspace.UnitProcesses())}");

        var record = await RunRecordStore.ReadAsync(Path.Combine(_workspace.ResultsDirectory, RunRecordStore.FileName), CancellationToken.None);
        Assert.Equal(held.RunId, record.RunId);
        Assert.True(record.Incomplete);
        var unit = Assert.Single(record.Units);
        Assert.Equal(UnitExit.Cancelled, unit.Exit);
        // VSTest was killed before it wrote its TRX; the results its logger streamed are published.
        Assert.NotNull(unit.ResultsPath);
        Assert.False(Path.IsPathRooted(unit.ResultsPath), unit.ResultsPath);
        Assert.True(File.Exists(Path.Combine(_workspace.ResultsDirectory, unit.ResultsPath)), unit.ResultsPath);
        var outcomes = LayerOutcomes();
        Assert.Equal(TrxOutcome.Passed, outcomes[HoldingPostgresSuite.QuickTest].Outcome);
        Assert.Equal(TrxOutcome.Failed, outcomes[HoldingPostgresSuite.CarelessTest].Outcome);
        Assert.StartsWith("could not use ", outcomes[HoldingPostgresSuite.CarelessTest].ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(TrxOutcome.Failed, outcomes[HoldingPostgresSuite.SlowTest].Outcome);
        Assert.StartsWith("not run: the run was cancelled", outcomes[HoldingPostgresSuite.SlowTest].ErrorMessage, StringComparison.Ordinal);
        var summary = await File.ReadAllTextAsync(Path.Combine(_workspace.ResultsDirectory, "summary.md"));
        Assert.Contains("INCOMPLETE RUN", summary, StringComparison.Ordinal);
        Assert.Contains("(not run;", summary, StringComparison.Ordinal);

        // Unit output is published redacted and the raw copy removed.
        Assert.Empty(LifecycleWorkspace.FilesContaining(_workspace.ResultsDirectory, held.Secret));
        Assert.False(Directory.Exists(Path.Combine(_workspace.WorkDirectories, held.RunId)), "The run's work directory with its raw output is left.");
    }

    /// <summary>Waits until the run holds: its container runs, the quick tests' results streamed, the slow test started.</summary>
    private async Task<HeldRun> HeldAsync(ToolRun tool)
    {
        IList<ContainerListResponse> containers = [];
        IReadOnlySet<string> streamed = new HashSet<string>();
        var held = await LifecycleWorkspace.EventuallyAsync(async () =>
        {
            if (tool.HasExited)
            {
                return true;
            }
            containers = await _workspace.ContainersOwnedByAsync(tool.Pid);
            foreach (var container in containers)
            {
                _workspace.Track(container.Labels[ContainerLabels.RunId]);
            }
            streamed = _workspace.StreamedResults();
            return containers.Any(container => container.State == "running")
                && File.Exists(_workspace.SlowStartedMarker)
                && streamed.Contains(HoldingPostgresSuite.QuickTest)
                && streamed.Contains(HoldingPostgresSuite.CarelessTest);
        }, _untilHeld);

        Assert.False(tool.HasExited, $"The run ended (exit code {(tool.HasExited ? tool.ExitCode : 0)}) before the slow test held it:\n{tool.Output}");
        Assert.True(held,
            $"Within {_untilHeld}: containers [{string.Join(", ", containers.Select(container => container.State))}], " +
            $"slow test started: {File.Exists(_workspace.SlowStartedMarker)}, results streamed: [{string.Join(", ", streamed)}]\n{tool.Output}");
        var running = Assert.Single(containers);
        var secret = await _workspace.ContainerVariableAsync(running.ID, "POSTGRES_PASSWORD");
        return new HeldRun(running.ID, running.Labels[ContainerLabels.RunId], secret);
    }

    private Dictionary<string, TestCaseResult> LayerOutcomes() =>
        TrxReader.Read(Path.Combine(_workspace.ResultsDirectory, "integration.trx")).Results
            .ToDictionary(result => result.Key.FullyQualifiedName, StringComparer.Ordinal);

    private static IEnumerable<string> Ids(IEnumerable<ContainerListResponse> containers) =>
        containers.Select(container => $"{container.ID[..12]} ({container.State})");

    private static string Describe(IReadOnlyList<int> processes) =>
        processes.Count == 0
            ? "none"
            : string.Join("; ", processes.Select(pid => $"{pid} {CommandLine(pid)}"));

    private static string CommandLine(int pid)
    {
        try
        {
            var line = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            return line.Length > 120 ? line[..120] + "…" : line;
        }
        catch (IOException)
        {
            return "(gone)";
        }
    }

    private sealed record HeldRun(string ContainerId, string RunId, string Secret);
}
