using System.Text;
using Orchestrator.Coverage;
using Orchestrator.History;
using Orchestrator.Results;
using Orchestrator.Security;

namespace Orchestrator.Reporting;

/// <summary>
/// Merges a run's unit results and writes every report into the results directory: per layer
/// <c>&lt;layer&gt;.trx</c> and <c>&lt;layer&gt;.junit.xml</c>, <c>summary.md</c> (also appended to
/// <c>$GITHUB_STEP_SUMMARY</c>), <c>report.html</c>, <c>run.json</c> with each unit's typed results and a copy of its
/// TRX under <c>units/</c> (so that <c>orchestrator merge</c> can combine result directories), and the timings file.
/// Works from the results the units carry: TRX files are only copied here, never parsed.
/// </summary>
internal static class ResultsReporter
{
    public const string SummaryFileName = "summary.md";
    public const string HtmlFileName = "report.html";
    public const string UnitsDirectoryName = "units";

    /// <summary>Writes every report of <paramref name="record"/> and returns the verdict.</summary>
    public static async Task<RunVerdict> WriteAsync(RunRecord record, ReportOptions options, CancellationToken ct) =>
        (await WriteReportAsync(record, options, ct)).Verdict;

    /// <summary>As <see cref="WriteAsync"/>, with the summary, files written and warnings.</summary>
    public static Task<ResultsReport> WriteReportAsync(RunRecord record, ReportOptions options, CancellationToken ct) =>
        WriteReportAsync(record, options, [], ct);

    private static async Task<ResultsReport> WriteReportAsync(RunRecord record, ReportOptions options, IReadOnlyList<string> readWarnings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(options);
        var directory = Path.GetFullPath(options.ResultsDirectory);
        Directory.CreateDirectory(directory);
        var warnings = new List<string>([.. readWarnings, .. options.Warnings.Select(options.Redactor.Redact)]);

        var persistedUnits = await PersistUnitsAsync(record, directory, options.Redactor, warnings, ct);

        var merged = ResultsMerger.Merge(record, options.Layers, new QuarantineMatcher(options.Quarantine), options.FlakyFailsBuild, options.Redactor, warnings);
        var coverageWarnings = new List<string>();
        var coverage = await WriteCoverageAsync(record, directory, options.Layers, coverageWarnings, ct);
        merged = merged with { Coverage = coverage, Warnings = [.. merged.Warnings, .. coverageWarnings.Select(options.Redactor.Redact)] };

        if (options.TimingsPath is not null)
        {
            var timingWarning = await TimingStore.UpdateAsync(options.TimingsPath, merged, ct);
            if (timingWarning is not null)
            {
                merged = merged with { Warnings = [.. merged.Warnings, options.Redactor.Redact(timingWarning)] };
            }
        }

        string? historyWarning = null;
        if (options.History is { } history)
        {
            (var notes, historyWarning) = await HistoryRecording.RecordAsync(merged, history, ct);
            historyWarning = historyWarning is null ? null : options.Redactor.Redact(historyWarning);
            merged = merged with
            {
                History = notes,
                Warnings = historyWarning is null ? merged.Warnings : [.. merged.Warnings, historyWarning],
            };
        }

        var (summary, files) = await WriteFilesAsync(merged, persistedUnits, directory, ct);
        if (coverage is not null)
        {
            files.AddRange([.. coverage.Layers.Select(layer => Path.Combine(directory, layer.FileName)), Path.Combine(directory, coverage.Run.FileName)]);
        }

        if (options.StepSummaryPath is { } stepSummary)
        {
            try
            {
                await File.AppendAllTextAsync(stepSummary, summary + "\n", new UTF8Encoding(false), ct);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                merged = merged with { Warnings = [.. merged.Warnings, $"Could not append the summary to '{stepSummary}' (GITHUB_STEP_SUMMARY): {exception.Message}"] };
            }
        }

        return new ResultsReport(merged.Verdict, summary, files, merged.Warnings)
        {
            Tests = [.. merged.Tests],
            Coverage = coverage,
            Units = persistedUnits,
            History = merged.History,
            HistoryWarning = historyWarning,
            IsolationProblems = IsolationProblemsOf(merged),
            RepetitionStops = [.. RepetitionStop.Of(merged).Select(stop => stop.Sentence)],
        };
    }

    /// <summary>Tests that failed because another unit shared their container, then those that failed only alongside the other tests of their unit, each once.</summary>
    private static List<IsolationProblem> IsolationProblemsOf(MergedRun merged)
    {
        var shared = merged.SharedFailures.Select(failure => (failure.Test, failure.Explanation));
        var alongside = RepetitionComparison.Of(merged)
            .Where(comparison => comparison.Verdict == RepetitionVerdict.IsolationProblem)
            .Select(comparison => (comparison.Test, comparison.Explanation));
        return [.. shared.Concat(alongside)
            .DistinctBy(problem => problem.Test)
            .Select(problem => new IsolationProblem(problem.Test.DisplayName, problem.Test.Outcome == TestOutcome.Flaky, problem.Explanation))];
    }

    /// <summary>
    /// Merges the coverage files of every unit per layer and for the run into Cobertura files in <paramref name="directory"/>;
    /// null when no unit left one.
    /// </summary>
    private static async Task<CoverageReport?> WriteCoverageAsync(RunRecord record, string directory, IReadOnlyList<string> layers, List<string> warnings, CancellationToken ct)
    {
        var files = new List<(string Layer, string Text, string Source)>();
        foreach (var unit in record.Units)
        {
            foreach (var file in unit.CoverageFiles)
            {
                var path = Path.IsPathRooted(file) ? file : Path.Combine(directory, file);
                try
                {
                    files.Add((unit.Layer, await File.ReadAllTextAsync(path, ct), path));
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    warnings.Add($"The coverage file '{path}' of unit {unit.UnitId} could not be read and is left out of the merged coverage: {exception.Message}");
                }
            }
        }
        if (files.Count == 0)
        {
            return null;
        }
        var (report, documents) = CoverageMerger.Merge(files, layers, record.FinishedAt, warnings);
        foreach (var (fileName, document) in documents)
        {
            await AtomicFile.WriteTextAsync(Path.Combine(directory, fileName), document.Declaration + Environment.NewLine + document.ToString(), ct);
        }
        return report;
    }

    /// <summary>
    /// Merges result directories of several runs or shards (each holding <c>run.json</c>) into one:
    /// the union of their units and containers, reported into <paramref name="options"/>' directory.
    /// </summary>
    public static async Task<ResultsReport> MergeDirectoriesAsync(IReadOnlyList<string> directories, ReportOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(options);
        if (directories.Count == 0)
        {
            throw new ArgumentException("Name at least one results directory to merge.", nameof(directories));
        }
        var records = new List<RunRecord>();
        var warnings = new List<string>();
        foreach (var directory in directories)
        {
            records.Add(await PersistedRun.ReadAsync(directory, warnings, ct));
        }
        return await WriteReportAsync(Combine(records), options, warnings, ct);
    }

    /// <summary>
    /// One record from several: ids and cadences joined, earliest start, latest finish, units and containers united, the
    /// longest time of each phase, and the problems of each plus those of their shards' coverage (see <see cref="ShardCoverage"/>).
    /// </summary>
    public static RunRecord Combine(IReadOnlyList<RunRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var coverage = ShardCoverage.Check(records);
        if (records.Count == 1)
        {
            return coverage.Count == 0 ? records[0] with { Verdict = null } : records[0] with { Problems = [.. records[0].Problems, .. coverage], Shard = null, Verdict = null };
        }
        return new RunRecord(
            string.Join('+', records.Select(record => record.RunId).Distinct(StringComparer.Ordinal)),
            string.Join('+', records.Select(record => record.Cadence).Distinct(StringComparer.Ordinal)),
            records.Min(record => record.StartedAt),
            records.Max(record => record.FinishedAt),
            records.Any(record => record.Incomplete),
            [.. records.SelectMany(record => record.Units).OrderBy(unit => unit.StartedAt)],
            [.. records.SelectMany(record => record.Containers)],
            RunPhases.Longest(records.Select(record => record.Phases)))
        {
            Problems = [.. records.SelectMany(record => record.Problems).Distinct(), .. coverage],
        };
    }

    /// <summary>
    /// Stores each unit's results and a redacted copy of its TRX under <c>units/</c> in <paramref name="directory"/>, several
    /// units at a time, and returns the units pointing at them (relative paths, as <c>run.json</c> holds them). Each file is
    /// staged under a temporary name and all are renamed once every unit was done, so that merging into a directory that is
    /// also an input never overwrites a file before it was read. Names, warnings and renames follow unit order.
    /// </summary>
    public static async Task<List<UnitRun>> PersistUnitsAsync(
        RunRecord record, string directory, SecretRedactor redactor, List<string> warnings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(redactor);
        ArgumentNullException.ThrowIfNull(warnings);
        var unitsDirectory = Path.Combine(directory, UnitsDirectoryName);
        var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = record.Units
            .Select(unit => unit.Results.Count > 0 || unit.TrxPath is not null || unit.CoverageFiles.Count > 0 ? UniqueName(usedNames, $"{unit.UnitId}.r{unit.Repetition}.a{unit.Attempt}") : null)
            .ToList();
        var stagings = new UnitStaging[record.Units.Count];
        var parallelism = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, record.Units.Count), parallelism, async (index, token) =>
        {
            if (names[index] is not null)
            {
                stagings[index] = await StageUnitAsync(record.Units[index], directory, unitsDirectory, redactor, token);
            }
        });

        var persistedUnits = new List<UnitRun>(record.Units.Count);
        var staged = new List<(string Staging, string Target)>();
        for (var index = 0; index < record.Units.Count; index++)
        {
            var unit = record.Units[index];
            var staging = stagings[index];
            if (staging.TrxError is not null)
            {
                var results = unit.ResultsError is null ? "Its results are in the reports all the same." : "Its results could not be read either, so its tests count as not run.";
                warnings.Add($"The TRX file of unit {unit.UnitId} (repetition {unit.Repetition}, attempt {unit.Attempt}) could not be copied: {staging.TrxError} {results}");
            }
            string? trxPath = null;
            string? resultsPath = null;
            if (staging.Trx is not null)
            {
                trxPath = Path.Combine(UnitsDirectoryName, names[index] + ".trx");
                staged.Add((staging.Trx, Path.Combine(directory, trxPath)));
            }
            if (staging.Results is not null)
            {
                resultsPath = Path.Combine(UnitsDirectoryName, names[index] + UnitResultsStore.Extension);
                staged.Add((staging.Results, Path.Combine(directory, resultsPath)));
            }
            var coverageFiles = new List<string>();
            foreach (var coverage in staging.Coverage ?? [])
            {
                var coveragePath = Path.Combine(UnitsDirectoryName, $"{names[index]}.coverage{(coverageFiles.Count == 0 ? "" : coverageFiles.Count + 1)}.json");
                staged.Add((coverage, Path.Combine(directory, coveragePath)));
                coverageFiles.Add(coveragePath);
            }
            if (staging.CoverageError is not null)
            {
                warnings.Add($"A coverage file of unit {unit.UnitId} (repetition {unit.Repetition}, attempt {unit.Attempt}) could not be copied: {staging.CoverageError} A merge of this directory leaves it out.");
            }
            persistedUnits.Add(unit with { TrxPath = trxPath, ResultsPath = resultsPath, CoverageFiles = coverageFiles });
        }
        foreach (var (staging, target) in staged)
        {
            File.Move(staging, target, overwrite: true);
        }
        return persistedUnits;
    }

    private static async Task<UnitStaging> StageUnitAsync(UnitRun unit, string directory, string unitsDirectory, SecretRedactor redactor, CancellationToken ct)
    {
        Directory.CreateDirectory(unitsDirectory);
        var (coverage, coverageError) = StageCoverage(unit, directory, unitsDirectory);
        return await StageResultsAsync(unit, directory, unitsDirectory, redactor, ct) with { Coverage = coverage, CoverageError = coverageError };
    }

    /// <summary>Copies the unit's coverage files (paths and hit counts: nothing to redact).</summary>
    private static (List<string> Staged, string? Error) StageCoverage(UnitRun unit, string directory, string unitsDirectory)
    {
        var staged = new List<string>();
        try
        {
            foreach (var file in unit.CoverageFiles)
            {
                var staging = Path.Combine(unitsDirectory, $".{Guid.NewGuid():N}.staging");
                File.Copy(Path.IsPathRooted(file) ? file : Path.Combine(directory, file), staging, overwrite: true);
                staged.Add(staging);
            }
            return (staged, null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (staged, exception.Message);
        }
    }

    private static async Task<UnitStaging> StageResultsAsync(UnitRun unit, string directory, string unitsDirectory, SecretRedactor redactor, CancellationToken ct)
    {
        string? results = null;
        if (unit.Results.Count > 0)
        {
            results = Path.Combine(unitsDirectory, $".{Guid.NewGuid():N}.staging");
            await UnitResultsStore.WriteAsync(results, unit.Results, ct);
        }
        if (unit.TrxPath is null)
        {
            return new UnitStaging(null, results, null);
        }
        var source = Path.IsPathRooted(unit.TrxPath) ? unit.TrxPath : Path.GetFullPath(Path.Combine(directory, unit.TrxPath));
        try
        {
            // An output for the tools that read TRX; the results above are what the reports were made from.
            var trx = Path.Combine(unitsDirectory, $".{Guid.NewGuid():N}.staging");
            await RedactingCopy.CopyFileAsync(source, trx, redactor, ct);
            return new UnitStaging(trx, results, null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new UnitStaging(null, results, exception.Message);
        }
    }

    /// <summary>Writes every report file at once (each from the same immutable merged run); returns the summary and the files in report order.</summary>
    private static async Task<(string Summary, List<string> Files)> WriteFilesAsync(MergedRun merged, List<UnitRun> persistedUnits, string directory, CancellationToken ct)
    {
        var files = new List<string>();
        var writes = new List<Task>();
        foreach (var layer in merged.Layers)
        {
            var trxPath = Path.Combine(directory, FileNameOf(layer.Name) + ".trx");
            var junitPath = Path.Combine(directory, FileNameOf(layer.Name) + ".junit.xml");
            writes.Add(Task.Run(() => AtomicFile.WriteAsync(trxPath, stream => TrxWriter.Write(stream, layer, merged), ct), ct));
            writes.Add(Task.Run(() => AtomicFile.WriteAsync(junitPath, stream => JUnitWriter.Write(stream, layer, merged), ct), ct));
            files.Add(trxPath);
            files.Add(junitPath);
        }

        var summaryPath = Path.Combine(directory, SummaryFileName);
        var summary = Task.Run(async () =>
        {
            var text = MarkdownSummaryWriter.Render(merged);
            await AtomicFile.WriteTextAsync(summaryPath, text, ct);
            return text;
        }, ct);
        writes.Add(summary);
        files.Add(summaryPath);

        var htmlPath = Path.Combine(directory, HtmlFileName);
        writes.Add(Task.Run(() => AtomicFile.WriteTextAsync(htmlPath, HtmlReportWriter.Render(merged), ct), ct));
        files.Add(htmlPath);

        var runPath = Path.Combine(directory, RunRecordStore.FileName);
        var persisted = merged.Record with
        {
            Units = persistedUnits.Select((unit, index) => unit with { ExitDetail = merged.Record.Units[index].ExitDetail }).ToList(),
            Verdict = merged.Verdict,
            Repeat = merged.Record.Repeat is { } repeat ? repeat with { Tests = [.. RepetitionComparison.Of(merged).Select(comparison => comparison.ToRecord())] } : null,
            History = merged.History,
        };
        writes.Add(Task.Run(() => RunRecordStore.WriteAsync(runPath, persisted, ct), ct));
        files.Add(runPath);

        await Task.WhenAll(writes);
        return (await summary, files);
    }

    private static string UniqueName(HashSet<string> used, string seed)
    {
        var name = FileNameOf(seed);
        var candidate = name;
        for (var suffix = 2; !used.Add(candidate); suffix++)
        {
            candidate = $"{name}-{suffix}";
        }
        return candidate;
    }

    private static string FileNameOf(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(character) || character is '.' or '-' or '_' ? character : '_');
        }
        return builder.Length == 0 ? "results" : builder.ToString();
    }

    /// <summary>Where a unit's TRX copy and results file are staged, or why its TRX could not be copied.</summary>
    private readonly record struct UnitStaging(string? Trx, string? Results, string? TrxError)
    {
        public IReadOnlyList<string>? Coverage { get; init; }

        public string? CoverageError { get; init; }
    }
}
