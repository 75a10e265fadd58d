using System.ComponentModel;
using System.Text;
using CliWrap;
using Orchestrator.Execution.Console;
using Orchestrator.Planning;
using Orchestrator.Results;
using Orchestrator.Results.Trx;

namespace Orchestrator.Execution;

/// <summary>
/// Runs one unit as one <c>dotnet test</c> process over built assemblies: own results directory and
/// TRX, the partition's environment on top of the inherited one, hang and unit timeouts, cancellation
/// that kills the whole process tree, every process the unit started killed when it ends
/// (<see cref="UnitProcessMark"/>), output logged (secrets redacted), live results tailed. Its watchdog
/// follows the in-process collector's progress files and kills the unit when one test runs past the hang
/// timeout, naming that test; it also names the test a crashed host was running.
/// </summary>
internal sealed class UnitProcess : IUnitRunner
{
    private static readonly TimeSpan TailInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(15);

    private readonly RunOptions _options;
    private readonly IRunProgress _progress;

    private readonly InstrumentedOutputs _instrumented;
    private readonly UnitProcessSweeper _sweeper;

    private readonly VsTestConsolePool? _consoles;

    /// <param name="consoles">The run's long-lived consoles, which serve the units they can; null runs every unit with a <c>dotnet test</c> of its own.</param>
    public UnitProcess(RunOptions options, IRunProgress progress, InstrumentedOutputs instrumented, UnitProcessSweeper sweeper, VsTestConsolePool? consoles = null)
    {
        _consoles = consoles;
        _options = options;
        _progress = progress;
        _instrumented = instrumented;
        _sweeper = sweeper;
    }

    /// <inheritdoc />
    /// <remarks>Cancellation kills the whole process tree.</remarks>
    public async Task<UnitRun> RunAsync(UnitAttempt attempt, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(environment);
        var unit = attempt.Unit;
        IDisposable? turn = null;
        try
        {
            turn = _options.TestSettings.CoverageCollectorsFor(unit.Sources).Count == 0
                ? null
                : await _instrumented.TakeTurnAsync(unit.Sources, ct).ConfigureAwait(false);
            return await RunProcessAsync(attempt, environment, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested && turn is null && _options.TestSettings.CoverageCollectorsFor(unit.Sources).Count > 0)
        {
            var now = DateTimeOffset.UtcNow;
            return attempt.Record(null, now, now, UnitExit.Cancelled, "Cancelled while waiting for another unit measuring coverage over the same build output.");
        }
        finally
        {
            turn?.Dispose();
        }
    }

    private async Task<UnitRun> RunProcessAsync(UnitAttempt attempt, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var unit = attempt.Unit;
        var paths = UnitPaths.For(_options.ResultsDirectory, attempt.RecordedId, attempt.Repetition, attempt.Attempt);
        Directory.CreateDirectory(paths.Directory);

        var output = new UnitOutput();
        var logLock = new Lock();
        await using var log = new StreamWriter(paths.LogPath, append: false, Encoding.UTF8);
        void Line(string line)
        {
            var redacted = _options.Redactor.Redact(line);
            output.Add(redacted);
            lock (logLock)
            {
                log.WriteLine(redacted);
            }
        }

        var mark = _sweeper.Mark();
        using var timeout = new CancellationTokenSource(_options.Timeouts.Unit);
        using var hang = new CancellationTokenSource();
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token, hang.Token);
        var startedAt = DateTimeOffset.UtcNow;
        IRunningUnit running;
        try
        {
            running = await StartOnConsoleAsync(unit, paths, environment, mark, Line, ct).ConfigureAwait(false)
                ?? await StartDotnetTestAsync(unit, paths, environment, mark, Line, ct).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is Win32Exception or InvalidOperationException)
        {
            var detail = _options.Redactor.Redact($"'{_options.DotnetPath}' could not be started: {exception.Message}. Check that the .NET SDK is installed and on PATH.");
            Line(detail);
            return attempt.Record(null, startedAt, DateTimeOffset.UtcNow, UnitExit.NotStarted, detail);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return attempt.Record(null, startedAt, DateTimeOffset.UtcNow, UnitExit.Cancelled, "Cancelled before its tests started.");
        }

        using var ownedRun = running;
        var start = new UnitStart(attempt.RecordedId, unit.PartitionId, attempt.Attempt, attempt.Repetition, unit.Tests.Count, running.ProcessId, startedAt);
        _progress.UnitStarted(start);
        var killed = 0;
        using var killRegistration = kill.Token.Register(() =>
        {
            Interlocked.Exchange(ref killed, 1);
            running.Kill();
        });

        var tail = _options.LoggerDirectory is null ? null : new LiveResultTail(paths.LiveResultsPath);
        var progress = _options.LoggerDirectory is null ? null : new TestProgress(paths.Directory);
        var live = new List<LiveTestResult>();
        var planned = new PlannedAssemblies(unit.Tests);
        using var tailStop = new CancellationTokenSource();
        var watchdog = new HangWatchdog(progress, HangLimit(), hang);
        var tailing = TailAsync(tail, watchdog, start, planned, live, tailStop.Token);

        var exitCode = await running.EndAsync().ConfigureAwait(false);
        await _sweeper.EndAsync(mark, running.OwnProcessId, attempt.RecordedId, Line).ConfigureAwait(false);
        var finishedAt = DateTimeOffset.UtcNow;
        await tailStop.CancelAsync().ConfigureAwait(false);
        await tailing.ConfigureAwait(false);
        if (tail is not null)
        {
            Report(start, planned, tail.ReadAvailable(), live);
        }

        var rows = new PlannedRows(unit.Rows);
        var trxResults = UnitResultReader.TryReadTrx(paths.TrxPath, _options.Redactor) is { } read ? [.. read.Select(planned.Keyed).Select(rows.Named)] : (IReadOnlyList<TestCaseResult>?)null;
        if (exitCode == 0 && !running.ExitCodeCountsFailures && trxResults?.Any(result => result.Outcome.IsFailure()) == true)
        {
            exitCode = 1;
        }
        var wasKilled = Volatile.Read(ref killed) == 1;
        progress?.Poll();
        var hungTest = watchdog.HungTest;
        var ending = new UnitEnding(
            exitCode,
            Cancelled: wasKilled && ct.IsCancellationRequested,
            TimedOut: wasKilled && !ct.IsCancellationRequested && hungTest is null,
            output,
            trxResults,
            finishedAt - startedAt)
        {
            HungTest = hungTest?.Name,
            UnfinishedTest = progress?.LastUnfinished?.Name,
            PlannedTests = unit.Tests,
        };
        var (exit, exitDetail) = UnitExitClassifier.Classify(ending, _options.Timeouts);
        if (tail is null && trxResults is not null)
        {
            foreach (var result in trxResults)
            {
                _progress.TestFinished(start, planned.Keyed(ProgressOf(result)));
            }
        }
        Line($"> {exit}: {exitDetail}");
        if (trxResults is null && live.Count > 0)
        {
            Line($"> The test process ended ({exit}) before VSTest wrote its TRX; its results are the {live.Count} result(s) streamed while it ran.");
        }
        return attempt.Record(trxResults is null ? null : paths.TrxPath, startedAt, finishedAt, exit, _options.Redactor.Redact(exitDetail)) with
        {
            Results = trxResults ?? UnitResultReader.FromLive(live, finishedAt, _options.Redactor),
            CoverageFiles = _options.TestSettings.Coverage.Enabled ? paths.CoverageFiles() : [],
        };
    }

    /// <summary>
    /// The unit's run on the run's long-lived <c>vstest.console</c>; null when there is none (<c>execution.sharedVsTestConsole</c>
    /// off) or it cannot serve this unit, which its log then says with the reason.
    /// </summary>
    private async Task<IRunningUnit?> StartOnConsoleAsync(ExecutionUnit unit, UnitPaths paths, IReadOnlyDictionary<string, string> environment, UnitProcessMark mark, Action<string> line, CancellationToken ct)
    {
        if (_consoles is null)
        {
            return null;
        }
        var variables = new Dictionary<string, string>(environment, StringComparer.Ordinal) { [mark.Variable] = UnitProcessMark.Value };
        if (ConsoleRunSettings.Unservable(unit, _options, variables) is { } reason)
        {
            line($"> A dotnet test of its own instead of the run's long-lived vstest.console: {reason}.");
            return null;
        }
        VsTestConsole console;
        try
        {
            console = await _consoles.RentAsync(Path.GetDirectoryName(unit.Sources[0]) ?? ".", ct).ConfigureAwait(false);
        }
        catch (VsTestConsoleException exception)
        {
            line($"> A dotnet test of its own instead of the run's long-lived vstest.console: {exception.Message}");
            return null;
        }
        var settings = ConsoleRunSettings.For(unit, paths, _options, variables);
        await File.WriteAllTextAsync(paths.RunSettingsPath, _options.Redactor.Redact(settings.Document), ct).ConfigureAwait(false);
        line($"> vstest.console (pid {console.ProcessId}): {string.Join(' ', unit.Sources.Select(Quote))} with {paths.RunSettingsPath}");
        return new ConsoleUnitRun(console, _consoles, mark, unit, settings.Document, line, KillGrace);
    }

    private async Task<IRunningUnit> StartDotnetTestAsync(ExecutionUnit unit, UnitPaths paths, IReadOnlyDictionary<string, string> environment, UnitProcessMark mark, Action<string> line, CancellationToken ct)
    {
        var command = DotnetTestCommand.For(unit, paths, _options);
        if (command.RunSettings is not null)
        {
            await File.WriteAllTextAsync(paths.RunSettingsPath, command.RunSettings, ct).ConfigureAwait(false);
        }
        line($"> {_options.DotnetPath} {string.Join(' ', command.Arguments.Select(Quote))}");
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            // The end of a run is classified from VSTest's English messages.
            ["DOTNET_CLI_UI_LANGUAGE"] = "en",
            ["VSLANG"] = "1033",
        };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }
        variables[mark.Variable] = UnitProcessMark.Value;
        var process = Cli.Wrap(_options.DotnetPath);
        if (VsTestDirectory.Override(Path.GetDirectoryName(unit.Sources[0]) ?? ".", Path.Combine(paths.Directory, "vstest")) is { } directory)
        {
            process = process.WithWorkingDirectory(directory);
        }
        var run = new DotnetTestRun(process.WithArguments(command.Arguments).WithEnvironmentVariables(variables), line, KillGrace);
        RecordedProcesses.Record(paths.Directory, run.ProcessId);
        return run;
    }

    /// <summary>A result read from the TRX, as progress shows the results a logger streams.</summary>
    private static LiveTestResult ProgressOf(TestCaseResult result) => new(
        result.Key.FullyQualifiedName,
        result.DisplayName,
        result.Definition.CodeBase ?? result.Key.Assembly,
        result.Outcome.IsPassed() ? TestResultOutcome.Passed : result.Outcome.IsSkipped() ? TestResultOutcome.Skipped : TestResultOutcome.Failed,
        result.Duration,
        result.ErrorMessage);

    /// <summary>
    /// How long one test may run before the watchdog kills its unit. When VSTest's blame collector is there to write a
    /// dump, it gets the first go; the watchdog is the backstop.
    /// </summary>
    private TimeSpan HangLimit() =>
        _options.Timeouts.CollectsHangDumps ? _options.Timeouts.TestHang + TimeSpan.FromSeconds(60) : _options.Timeouts.TestHang;

    private async Task TailAsync(LiveResultTail? tail, HangWatchdog watchdog, UnitStart start, PlannedAssemblies planned, List<LiveTestResult> live, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TailInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                if (tail is not null)
                {
                    Report(start, planned, tail.ReadAvailable(), live);
                }
                watchdog.Check();
            }
        }
        catch (OperationCanceledException)
        {
            // The process ended; the caller drains what is left.
        }
    }

    private void Report(UnitStart start, PlannedAssemblies planned, IReadOnlyList<LiveTestResult> results, List<LiveTestResult> live)
    {
        foreach (var result in results.Select(planned.Keyed))
        {
            live.Add(result);
            _progress.TestFinished(start, result with { ErrorMessage = _options.Redactor.Redact(result.ErrorMessage) });
        }
    }

    private static string Quote(string argument) =>
        argument.Contains(' ', StringComparison.Ordinal) || argument.Contains(';', StringComparison.Ordinal) || argument.Contains('|', StringComparison.Ordinal)
            ? $"\"{argument}\""
            : argument;
}
