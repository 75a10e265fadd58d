using System.Text.Json;
using Orchestrator.Results;

namespace Orchestrator.Reporting;

/// <summary>Reads and writes <c>run.json</c>: the run record a results directory was built from.</summary>
internal static class RunRecordStore
{
    public const string FileName = "run.json";

    public static Task WriteAsync(string path, RunRecord record, CancellationToken ct) =>
        AtomicFile.WriteAsync(path, (stream, token) => JsonSerializer.SerializeAsync(stream, record, ReportingJsonContext.Default.RunRecord, token), ct);

    /// <exception cref="InvalidDataException">The file is not a run record.</exception>
    public static async Task<RunRecord> ReadAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' does not exist: pass a results directory written by 'orchestrator run' (it holds {FileName}).", path);
        }
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync(stream, ReportingJsonContext.Default.RunRecord, ct)
                ?? throw new InvalidDataException($"'{path}' holds no run record.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"'{path}' is not a valid run record ({exception.Message}). Re-run to regenerate it.", exception);
        }
    }
}
