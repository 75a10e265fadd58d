using System.Collections.Immutable;

namespace Orchestrator.Configuration;

/// <summary>
/// What applies to every unit's test run besides what the orchestrator itself needs (configuration <c>testSettings</c>):
/// a team's <c>.runsettings</c> file, extra VSTest loggers and data collectors.
/// </summary>
/// <param name="RunSettings">A <c>.runsettings</c> file relative to the configuration file, merged under each project's own; null for none.</param>
/// <param name="Loggers">Each passed as <c>--logger &lt;value&gt;</c> (e.g. <c>GitHubActions</c>, <c>console;verbosity=normal</c>).</param>
/// <param name="Collectors">Each passed as <c>--collect &lt;value&gt;</c> (a data collector's friendly name).</param>
public sealed record TestSettings(string? RunSettings, ImmutableArray<string> Loggers, ImmutableArray<string> Collectors)
{
    public static TestSettings Default { get; } = new(null, [], []);
}
