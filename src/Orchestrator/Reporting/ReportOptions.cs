using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.History;
using Orchestrator.Security;

namespace Orchestrator.Reporting;

/// <summary>Where and how a run's results are merged and reported.</summary>
/// <param name="ResultsDirectory">Directory that receives the reports (default <c>artifacts/test-results</c>).</param>
public sealed record ReportOptions(string ResultsDirectory)
{
    public const string DefaultResultsDirectory = "artifacts/test-results";

    /// <summary>Configured layers, in report order.</summary>
    public ImmutableArray<string> Layers { get; init; } = ["unit", "integration", "e2e"];

    /// <summary>Cadence quarantine patterns (<c>*</c> wildcard) on fully qualified names.</summary>
    public ImmutableArray<string> Quarantine { get; init; } = [];

    /// <summary>Whether a flaky test fails the build.</summary>
    public bool FlakyFailsBuild { get; init; }

    /// <summary>Timings file to fold this run's durations into; null leaves timings alone.</summary>
    public string? TimingsPath { get; init; }

    /// <summary>Removes the run's secrets from every text written.</summary>
    public SecretRedactor Redactor { get; init; } = new();

    /// <summary>File the Markdown summary is appended to; defaults to <c>$GITHUB_STEP_SUMMARY</c>.</summary>
    public string? StepSummaryPath { get; init; } = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } path ? path : null;

    /// <summary>Warnings of the caller that every report lists (a stale lock of the results directory taken over).</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

    /// <summary>The history store the run is recorded into and its failing tests are set against; null records nothing.</summary>
    public HistoryOptions? History { get; init; }

    /// <param name="today">The day the run ends: quarantine entries that ran out before it no longer hold, and every report says so.</param>
    public static ReportOptions From(OrchestratorConfiguration configuration, CadenceDefinition cadence, string resultsDirectory, string? timingsPath, SecretRedactor redactor, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(cadence);
        var (active, expired) = cadence.QuarantineOn(today);
        return new ReportOptions(resultsDirectory)
        {
            Layers = configuration.Layers,
            Quarantine = active,
            Warnings = [.. expired.Select(entry => entry.ExpiredWarning(cadence.Name))],
            FlakyFailsBuild = configuration.FlakyFailsBuild,
            TimingsPath = timingsPath,
            Redactor = redactor,
        };
    }
}
