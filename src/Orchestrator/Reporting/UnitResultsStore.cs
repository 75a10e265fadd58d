using System.Text.Json;
using Orchestrator.Results;

namespace Orchestrator.Reporting;

/// <summary>
/// Reads and writes a unit's typed results (<c>units/&lt;unit&gt;.results.json</c>, next to the unit's TRX copy):
/// what <c>orchestrator merge</c> reads back from a results directory another process wrote. Compact, one file per
/// unit, so <c>run.json</c> stays readable and units load in parallel.
/// </summary>
internal static class UnitResultsStore
{
    public const string Extension = ".results.json";

    public static Task WriteAsync(string path, IReadOnlyList<TestCaseResult> results, CancellationToken ct) =>
        AtomicFile.WriteAsync(path, (stream, token) => JsonSerializer.SerializeAsync(stream, results, UnitResultsJsonContext.Default.IReadOnlyListTestCaseResult, token), ct);

    /// <exception cref="InvalidDataException">The file does not hold unit results.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static async Task<IReadOnlyList<TestCaseResult>> ReadAsync(string path, CancellationToken ct)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync(stream, UnitResultsJsonContext.Default.IReadOnlyListTestCaseResult, ct)
                ?? throw new InvalidDataException($"'{path}' holds no unit results.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"'{path}' is not a valid unit results file ({exception.Message}).", exception);
        }
    }
}
