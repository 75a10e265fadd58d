using Orchestrator.Results;

namespace Orchestrator.Reporting;

/// <summary>
/// A results directory another process wrote, read back for <c>orchestrator merge</c>: its <c>run.json</c> with every
/// unit's stored results loaded (several at a time) and its paths made absolute.
/// </summary>
internal static class PersistedRun
{
    /// <param name="directory">A results directory holding <c>run.json</c>.</param>
    /// <param name="warnings">Receives, in unit order, the units whose results could not be loaded: their tests count as not run.</param>
    /// <param name="ct">Cancels the reading.</param>
    public static async Task<RunRecord> ReadAsync(string directory, List<string> warnings, CancellationToken ct)
    {
        var root = Path.GetFullPath(directory);
        var record = await RunRecordStore.ReadAsync(Path.Combine(root, RunRecordStore.FileName), ct);
        var loads = new UnitLoad[record.Units.Count];
        var parallelism = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, record.Units.Count), parallelism, async (index, token) =>
            loads[index] = await LoadAsync(record.Units[index], root, token));
        var units = new List<UnitRun>(record.Units.Count);
        for (var index = 0; index < record.Units.Count; index++)
        {
            var unit = record.Units[index];
            if (loads[index].Error is { } error)
            {
                warnings.Add($"Results of unit {unit.UnitId} (repetition {unit.Repetition}, attempt {unit.Attempt}) could not be read: {error} Its tests count as not run.");
            }
            units.Add(unit with
            {
                TrxPath = Absolute(root, unit.TrxPath),
                ResultsPath = Absolute(root, unit.ResultsPath),
                CoverageFiles = [.. unit.CoverageFiles.Select(file => Absolute(root, file)!)],
                Results = loads[index].Results,
                ResultsError = loads[index].Error,
            });
        }
        return record with { Units = units };
    }

    private static async Task<UnitLoad> LoadAsync(UnitRun unit, string root, CancellationToken ct)
    {
        if (Absolute(root, unit.ResultsPath) is not { } path)
        {
            return unit.TrxPath is null
                ? new UnitLoad([], null)
                : new UnitLoad([], $"'{RunRecordStore.FileName}' names no results file for it (written by an older version? Re-run that shard).");
        }
        try
        {
            return new UnitLoad(await UnitResultsStore.ReadAsync(path, ct), null);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new UnitLoad([], exception.Message);
        }
    }

    private static string? Absolute(string root, string? path) =>
        path is null || Path.IsPathRooted(path) ? path : Path.Combine(root, path);

    private readonly record struct UnitLoad(IReadOnlyList<TestCaseResult> Results, string? Error);
}
