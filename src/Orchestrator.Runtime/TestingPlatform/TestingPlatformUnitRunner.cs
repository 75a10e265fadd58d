using System.Diagnostics;
using System.Globalization;
using System.Text;
using Orchestrator.Configuration;
using Orchestrator.Execution;
using Orchestrator.Planning;
using Orchestrator.Results;

namespace Orchestrator.TestingPlatform;

/// <summary>
/// Runs a Microsoft.Testing.Platform unit: each of its test applications is started in server mode and asked to run
/// exactly the unit's cases by uid, its results streamed as they finish. Own results directory and log per attempt,
/// the partition's environment on top of the inherited one, the unit timeout, cancellation that kills the process
/// tree, and a watchdog: the platform reports no test starts in server mode, so a unit whose application reports no
/// result for the hang timeout while cases are still due is killed, and the cases without a result are named.
/// </summary>
internal sealed class TestingPlatformUnitRunner(RunOptions options, IRunProgress progress, InstrumentedOutputs instrumented, UnitProcessSweeper sweeper) : IUnitRunner
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(500);
    private const int NamedCandidates = 3;

    public async Task<UnitRun> RunAsync(UnitAttempt attempt, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(environment);
        var measured = options.TestSettings.Coverage.Enabled ? attempt.Unit.Sources.Where(MeasuresCoverage).ToList() : [];
        using var turn = measured.Count == 0 ? null : await instrumented.TakeTurnAsync(measured, ct).ConfigureAwait(false);
        return await RunUnitAsync(attempt, environment, ct).ConfigureAwait(false);
    }

    private async Task<UnitRun> RunUnitAsync(UnitAttempt attempt, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var unit = attempt.Unit;
        var paths = UnitPaths.For(options.ResultsDirectory, attempt.RecordedId, attempt.Repetition, attempt.Attempt);
        Directory.CreateDirectory(paths.Directory);

        var output = new UnitOutput();
        var logLock = new Lock();
        await using var log = new StreamWriter(paths.LogPath, append: false, Encoding.UTF8);
        void Line(string line)
        {
            var redacted = options.Redactor.Redact(line);
            output.Add(redacted);
            lock (logLock)
            {
                log.WriteLine(redacted);
            }
        }

        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (name, value) in options.TestEnvironment.Concat(environment))
        {
            variables[name] = value;
        }
        var mark = sweeper.Mark();
        variables[mark.Variable] = UnitProcessMark.Value;

        using var timeout = new CancellationTokenSource(options.Timeouts.Unit);
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var startedAt = DateTimeOffset.UtcNow;
        var results = new List<LiveTestResult>();
        var endings = new List<(UnitExit Exit, string Detail)>();
        UnitStart? start = null;
        UnitStart Started(int processId)
        {
            if (start is null)
            {
                start = new UnitStart(attempt.RecordedId, unit.PartitionId, attempt.Attempt, attempt.Repetition, unit.Tests.Count, processId, startedAt);
                progress.UnitStarted(start);
            }
            return start;
        }

        var planned = new PlannedAssemblies(unit.Tests);
        foreach (var source in unit.Sources)
        {
            var assembly = planned.AssemblyOf(source);
            var cases = unit.CaseIds.Where(caseId => string.Equals(caseId.Test.Assembly, assembly, StringComparison.OrdinalIgnoreCase)).ToList();
            var settings = await WriteSettingsAsync(source, Path.Combine(paths.Directory, assembly + ".runsettings"), ct).ConfigureAwait(false);
            var application = new Application(source, cases, variables, paths.Directory, Path.Combine(paths.Directory, assembly), options.TestSettings.Coverage, settings);
            Line($"> {options.DotnetPath} {string.Join(' ', application.Arguments.Prepend(source))} --server (runs {cases.Count} case(s))");
            var ending = await RunApplicationAsync(application, planned, Started, Line, output, results, kill.Token, ct, timeout.Token).ConfigureAwait(false);
            endings.Add(ending);
            if (kill.IsCancellationRequested)
            {
                break;
            }
        }

        var finishedAt = DateTimeOffset.UtcNow;
        // Each application's own process tree is gone by now; what it started outside that tree is not.
        await sweeper.EndAsync(mark, null, attempt.RecordedId, Line).ConfigureAwait(false);
        var (exit, detail) = Combine(endings);
        Line($"> {exit}: {detail}");
        return attempt.Record(null, startedAt, finishedAt, exit, options.Redactor.Redact(detail)) with
        {
            Results = UnitResultReader.FromLive(results, finishedAt, options.Redactor),
            CoverageFiles = options.TestSettings.Coverage.Enabled ? paths.CoverageFiles() : [],
        };
    }

    private async Task<(UnitExit Exit, string Detail)> RunApplicationAsync(
        Application application,
        PlannedAssemblies planned,
        Func<int, UnitStart> started,
        Action<string> line,
        UnitOutput output,
        List<LiveTestResult> results,
        CancellationToken kill,
        CancellationToken cancelled,
        CancellationToken timedOut)
    {
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var activity = Stopwatch.StartNew();
        UnitStart? start = null;
        void OnNode(TestNode node)
        {
            lock (finished)
            {
                activity.Restart();
                // A method-name selection may run cases planned into another unit; that unit reports them.
                if (!node.IsCase || !node.IsFinished || !application.Wanted.Contains(node.Uid) || !finished.Add(node.Uid))
                {
                    return;
                }
                var result = planned.Keyed(node.ToResult(application.Path));
                result = result with { ErrorMessage = options.Redactor.Redact(result.ErrorMessage), StackTrace = options.Redactor.Redact(result.StackTrace) };
                lock (results)
                {
                    results.Add(result);
                }
                if (start is not null)
                {
                    progress.TestFinished(start, result);
                }
            }
        }

        var launch = new TestingPlatformLaunch(options.DotnetPath, application.Path, application.Arguments, Path.GetDirectoryName(application.Path) ?? ".", application.Environment);
        TestingPlatformSession session;
        try
        {
            session = await TestingPlatformSession.StartAsync(launch, OnNode, line, kill).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return Interrupted(cancelled, timedOut);
        }
        catch (TestingPlatformException exception)
        {
            line(exception.Message);
            return (UnitExit.NotStarted, exception.Message);
        }

        await using (session.ConfigureAwait(false))
        {
            RecordedProcesses.Record(application.ResultsDirectory, session.ProcessId);
            lock (finished)
            {
                start = started(session.ProcessId);
            }

            using var watch = CancellationTokenSource.CreateLinkedTokenSource(kill);
            lock (finished)
            {
                // Start-up is not a test: the hang clock starts with the run request.
                activity.Restart();
            }
            var run = session.RunAsync(application.Uids, watch.Token);
            string? silent = null;
            using (var timer = new PeriodicTimer(WatchInterval))
            {
                while (!run.IsCompleted)
                {
                    await Task.WhenAny(run, timer.WaitForNextTickAsync(CancellationToken.None).AsTask()).ConfigureAwait(false);
                    lock (finished)
                    {
                        if (!run.IsCompleted && activity.Elapsed > options.Timeouts.TestHang && finished.Count < application.Wanted.Count)
                        {
                            silent = Candidates(application, finished);
                        }
                    }
                    if (silent is not null)
                    {
                        session.Kill();
                        await watch.CancelAsync().ConfigureAwait(false);
                        break;
                    }
                }
            }

            try
            {
                await run.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                session.Kill();
                if (silent is null)
                {
                    return Interrupted(cancelled, timedOut);
                }
            }
            catch (TestingPlatformException exception)
            {
                line(exception.Message);
                return (UnitExit.Crashed, $"{Path.GetFileName(application.Path)}: {exception.Message} {LastWords(output)}".Trim());
            }

            if (silent is not null)
            {
                return (UnitExit.Hung,
                    $"No test of {Path.GetFileName(application.Path)} reported a result for {UnitExitClassifier.Seconds(options.Timeouts.TestHang)} (timeouts.testHangSeconds), so its process tree was killed. " +
                    $"Microsoft.Testing.Platform does not report test starts, so the hung test is one of the cases without a result: {silent}. Raise timeouts.testHangSeconds if they are just slow.");
            }
            int failed;
            int count;
            lock (results)
            {
                var own = results.Where(result => result.Source == application.Path).ToList();
                count = own.Count;
                failed = own.Count(result => result.Outcome == TestResultOutcome.Failed);
            }
            return failed > 0
                ? (UnitExit.TestsFailed, $"{failed} test result(s) failed in {Path.GetFileName(application.Path)}.")
                : (UnitExit.Passed, $"{count} result(s) from {Path.GetFileName(application.Path)}, all passed or skipped.");
        }
    }

    private static string LastWords(UnitOutput output) => output.LastWords() is { Length: > 0 } words ? "Its last words: " + words : string.Empty;

    private static (UnitExit, string) Interrupted(CancellationToken cancelled, CancellationToken timedOut) =>
        cancelled.IsCancellationRequested
            ? (UnitExit.Cancelled, "Run cancelled; the test application's process tree was killed.")
            : timedOut.IsCancellationRequested
                ? (UnitExit.TimedOut, "The unit exceeded its timeout and its process tree was killed. Raise timeouts.unitSeconds in orchestrator.json or split the unit.")
                : (UnitExit.Crashed, "The test application was stopped.");

    private static string Candidates(Application application, HashSet<string> finished)
    {
        var due = application.Cases.Where(caseId => !finished.Contains(caseId.Id)).ToList();
        var named = string.Join(", ", due.Take(NamedCandidates).Select(caseId => caseId.Test.FullyQualifiedName).Distinct(StringComparer.Ordinal));
        return due.Count > NamedCandidates ? $"{named} and {(due.Count - NamedCandidates).ToString(CultureInfo.InvariantCulture)} more" : named;
    }

    /// <summary>The worst ending of the unit's applications, with every application's detail.</summary>
    private static (UnitExit Exit, string Detail) Combine(List<(UnitExit Exit, string Detail)> endings)
    {
        if (endings.Count == 0)
        {
            return (UnitExit.NotStarted, "The unit has no test application to run.");
        }
        var exit = endings.Select(ending => ending.Exit).MaxBy(Severity);
        return (exit, string.Join(" / ", endings.Select(ending => ending.Detail)));
    }

    private static int Severity(UnitExit exit) => exit switch
    {
        UnitExit.Passed => 0,
        UnitExit.TestsFailed => 1,
        UnitExit.Crashed => 2,
        UnitExit.NotStarted => 3,
        UnitExit.Hung => 4,
        UnitExit.TimedOut => 5,
        _ => 6,
    };

    /// <summary>Whether the application carries coverlet's Microsoft.Testing.Platform extension (the coverlet.MTP package).</summary>
    internal static bool MeasuresCoverage(string applicationPath) => Beside(applicationPath, "coverlet.MTP.dll");

    /// <summary>
    /// Whether the application takes a <c>.runsettings</c> file (<c>--settings</c>): NUnit's runner and MSTest's runner up
    /// to version 3 through the VSTest bridge, MSTest's runner from version 4 through its own adapter. xunit.v3 and TUnit
    /// have neither.
    /// </summary>
    internal static bool ReadsRunSettings(string applicationPath) =>
        Beside(applicationPath, "Microsoft.Testing.Extensions.VSTestBridge.dll") || Beside(applicationPath, "MSTest.TestAdapter.dll");

    private static bool Beside(string applicationPath, string file) => File.Exists(Path.Combine(Path.GetDirectoryName(applicationPath) ?? ".", file));

    /// <summary>The team's settings for the application in <paramref name="path"/>; null when it reads none or there are none.</summary>
    private async Task<string?> WriteSettingsAsync(string source, string path, CancellationToken ct)
    {
        if (!ReadsRunSettings(source) || options.TestSettings.PlatformSettingsFor(source) is not { } settings)
        {
            return null;
        }
        await File.WriteAllTextAsync(path, settings.Xml, ct).ConfigureAwait(false);
        return path;
    }

    /// <summary>One test application of the unit, and how to select the unit's cases in it.</summary>
    private sealed class Application
    {
        public Application(
            string path,
            List<TestCaseId> cases,
            IReadOnlyDictionary<string, string?> environment,
            string resultsDirectory,
            string outputDirectory,
            CoverageSettings coverage,
            string? settings)
        {
            Path = path;
            Cases = cases;
            Environment = environment;
            ResultsDirectory = resultsDirectory;
            Wanted = cases.Select(caseId => caseId.Id).ToHashSet(StringComparer.Ordinal);
            // Each application of the unit writes its own files (TRX, coverage) into a folder of its own.
            var arguments = new List<string> { "--results-directory", outputDirectory };
            if (settings is not null)
            {
                arguments.AddRange(["--settings", settings]);
            }
            if (coverage.Enabled && MeasuresCoverage(path))
            {
                arguments.AddRange(["--coverlet", "--coverlet-output-format", "json"]);
                arguments.AddRange(coverage.Include.SelectMany(filter => new[] { "--coverlet-include", filter }));
                arguments.AddRange(coverage.Exclude.SelectMany(filter => new[] { "--coverlet-exclude", filter }));
                arguments.AddRange(coverage.ExcludeByAttribute.SelectMany(attribute => new[] { "--coverlet-exclude-by-attribute", attribute }));
            }
            // A uid the NUnit adapter's filter parser cannot read (quote, unbalanced parenthesis) would make it fail;
            // such an application runs the unit's methods by name instead, and cases of other units are dropped.
            if (Wanted.Any(VsTestFilter.NeedsContainsMatch))
            {
                arguments.Add("--filter");
                arguments.Add(string.Join('|', cases
                    .Select(caseId => caseId.Test.FullyQualifiedName)
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)
                    .Select(name => "FullyQualifiedName~" + VsTestFilter.Escape(name))));
                Uids = null;
            }
            else
            {
                Uids = Wanted;
            }
            Arguments = arguments;
        }

        public string Path { get; }

        public List<TestCaseId> Cases { get; }

        public IReadOnlyDictionary<string, string?> Environment { get; }

        public string ResultsDirectory { get; }

        public HashSet<string> Wanted { get; }

        public IReadOnlyCollection<string>? Uids { get; }

        public IReadOnlyList<string> Arguments { get; }
    }
}
