using Orchestrator.Reporting;
using Orchestrator.Results;

namespace Orchestrator.Pipeline;

/// <summary><c>orchestrator merge</c> as a library call: the output directory is held as a run holds its results directory.</summary>
public static class MergePipeline
{
    /// <inheritdoc cref="ResultsReporter.MergeDirectoriesAsync" path="/summary"/>
    /// <exception cref="UsageException">A live run (or merge) holds the output directory.</exception>
    public static async Task<ResultsReport> MergeAsync(IReadOnlyList<string> directories, ReportOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var held = ResultsLock.Acquire(options.ResultsDirectory, "merge-" + RunIds.New(DateTimeOffset.UtcNow), "--output");
        var warned = held.TakenOver is { } takenOver ? options with { Warnings = [.. options.Warnings, takenOver] } : options;
        return await ResultsReporter.MergeDirectoriesAsync(directories, warned, ct).ConfigureAwait(false);
    }
}
