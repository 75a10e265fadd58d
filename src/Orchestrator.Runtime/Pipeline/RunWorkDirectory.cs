using Orchestrator.Docker.Cleanup;
using Orchestrator.Execution;
using Orchestrator.Reporting;
using Orchestrator.Results;
using Orchestrator.Security;

namespace Orchestrator.Pipeline;

/// <summary>
/// Where the unit processes of one run write while it runs: <c>.orchestrator/runs/&lt;run id&gt;/</c>, outside
/// the results directory, because their TRX files, logs and live results hold the run's secrets as the
/// tests printed them. When the run ends the files are published into the results directory redacted and
/// the work directory is removed; one left behind by a killed run is removed by the next run, after it
/// has killed the test processes that run left running.
/// </summary>
internal sealed class RunWorkDirectory
{
    private const string OwnerFileName = "owner";

    private static readonly HashSet<string> _textExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".trx", ".log", ".jsonl", ".json", ".xml", ".runsettings", ".txt",
    };

    private RunWorkDirectory(string path) => Path = path;

    public string Path { get; }

    public static RunWorkDirectory Create(string stateDirectory, string runId)
    {
        var runs = System.IO.Path.Combine(stateDirectory, "runs");
        RemoveAbandoned(runs);
        var path = System.IO.Path.Combine(runs, runId);
        Directory.CreateDirectory(path);
        RecordedProcesses.Write(System.IO.Path.Combine(path, OwnerFileName), OwnerProcess.Current.Pid, OwnerProcess.Current.StartedAt);
        return new RunWorkDirectory(path);
    }

    /// <summary>
    /// Copies every unit's files into <paramref name="resultsDirectory"/> with secrets masked, a chunk at a time, and
    /// points the record's coverage paths at the copies. A unit's TRX file is left where it is, for the reports to store
    /// once under <c>units/</c> (a test that prints hundreds of megabytes makes it as large). The work directory stays
    /// until <see cref="Remove"/>, so that the results are not lost when writing the reports fails.
    /// </summary>
    public async Task<RunRecord> PublishAsync(RunRecord record, string resultsDirectory, SecretRedactor redactor, CancellationToken ct)
    {
        var reported = record.Units.Select(unit => unit.TrxPath).OfType<string>().Select(System.IO.Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        foreach (var unitDirectory in Directory.EnumerateDirectories(Path))
        {
            var target = System.IO.Path.Combine(resultsDirectory, System.IO.Path.GetFileName(unitDirectory));
            Directory.CreateDirectory(target);
            foreach (var file in Directory.EnumerateFiles(unitDirectory, "*", SearchOption.AllDirectories).Where(file => !reported.Contains(System.IO.Path.GetFullPath(file))))
            {
                var copy = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(unitDirectory, file));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy)!);
                if (_textExtensions.Contains(System.IO.Path.GetExtension(file)))
                {
                    await RedactingCopy.CopyFileAsync(file, copy, redactor, ct).ConfigureAwait(false);
                }
                else
                {
                    // Attachments such as screenshots cannot be masked; they are what the tests chose to attach.
                    File.Copy(file, copy, overwrite: true);
                }
            }
        }
        return record with
        {
            Units = [.. record.Units.Select(unit => unit with { CoverageFiles = [.. unit.CoverageFiles.Select(file => Published(file, resultsDirectory))] })],
        };
    }

    /// <summary>The results were published and reported: the unredacted originals go.</summary>
    public void Remove() => Directory.Delete(Path, recursive: true);

    /// <summary>
    /// Writing the results failed: the unit files stay here, masked in place, with the units' results and a
    /// <c>run.json</c> that <c>orchestrator merge</c> reads, and the next run leaves the directory alone. Returns the path.
    /// </summary>
    public async Task<string> KeepAsync(RunRecord record, SecretRedactor redactor, CancellationToken ct)
    {
        foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
        {
            if (_textExtensions.Contains(System.IO.Path.GetExtension(file)))
            {
                await RedactingCopy.RedactFileAsync(file, redactor, ct).ConfigureAwait(false);
            }
        }
        // Only what a merge needs: TRX copies that cannot be made leave the results complete.
        var units = await ResultsReporter.PersistUnitsAsync(record, Path, redactor, [], ct).ConfigureAwait(false);
        await RunRecordStore.WriteAsync(System.IO.Path.Combine(Path, RunRecordStore.FileName), record with { Units = units }, ct).ConfigureAwait(false);
        File.Delete(System.IO.Path.Combine(Path, OwnerFileName));
        return Path;
    }

    /// <summary>Where a file of the work directory is once published; a file elsewhere stays where it is.</summary>
    private string Published(string file, string resultsDirectory) =>
        IsInside(file) ? System.IO.Path.Combine(resultsDirectory, System.IO.Path.GetRelativePath(Path, file)) : file;

    private bool IsInside(string file) =>
        System.IO.Path.GetFullPath(file).StartsWith(System.IO.Path.GetFullPath(Path) + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Removes the work directories whose run is no longer alive (killed before it could publish).</summary>
    private static void RemoveAbandoned(string runs)
    {
        if (!Directory.Exists(runs))
        {
            return;
        }
        foreach (var directory in Directory.EnumerateDirectories(runs))
        {
            if (File.Exists(System.IO.Path.Combine(directory, RunRecordStore.FileName)))
            {
                // Kept because its results could not be written; 'orchestrator merge' reads it.
                continue;
            }
            if (RecordedProcesses.AliveProcessOf(System.IO.Path.Combine(directory, OwnerFileName)) is null)
            {
                // Its test processes outlived it and would write into the directory again.
                RecordedProcesses.KillAll(directory);
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
