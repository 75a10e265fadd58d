using System.Text.RegularExpressions;
using Orchestrator.Configuration;

namespace Orchestrator.Cli.Tests.Ci;

/// <summary>
/// The arguments of every <c>dotnet orchestrator …</c> command in a shell script, as the shell would pass them: words
/// split and unquoted, CI variables replaced by values the CI service would give them, and <c>"$@"</c> replaced by the
/// words the script's <c>set --</c> put there.
/// </summary>
internal static partial class OrchestratorInvocations
{
    /// <summary>What each CI variable the pipelines use holds on an agent (shard 1 of 4).</summary>
    private static readonly Dictionary<string, string> _samples = new(StringComparer.Ordinal)
    {
        ["CADENCE"] = "pr",
        ["TIMINGS"] = ".orchestrator-ci/timings.json",
        ["TIMINGS_CACHE"] = "/agent/orchestrator-timings",
        ["SHARD"] = "1/4",
        ["RESULTS"] = "results/shard-1",
        ["CI_NODE_INDEX"] = "1",
        ["CI_NODE_TOTAL"] = "4",
        ["System.JobPositionInPhase"] = "1",
        ["System.TotalJobsInPhase"] = "4",
        ["Pipeline.Workspace"] = "/agent",
    };

    public static IReadOnlyList<IReadOnlyList<string>> In(string script)
    {
        var invocations = new List<IReadOnlyList<string>>();
        IReadOnlyList<string> positional = [];
        foreach (var line in script.Split('\n'))
        {
            if (SetPositional().Match(line) is { Success: true } set)
            {
                positional = Words(set.Groups["words"].Value);
            }
            if (Invocation().Match(line) is { Success: true } invocation)
            {
                invocations.Add([.. Words(invocation.Groups["words"].Value).SelectMany(word => word == "$@" ? positional : [word])]);
            }
        }
        return invocations;
    }

    /// <summary>Shell words as the shell splits them, variables replaced (but <c>$@</c> kept whole).</summary>
    private static List<string> Words(string text) => [.. ShellWords.Split(text).Select(Substitute)];

    private static string Substitute(string word) => word == "$@" ? word : Variable().Replace(word, match =>
    {
        var name = match.Groups["name"].Value;
        return _samples.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"The pipeline passes variable '{name}' to the orchestrator: add what a CI agent gives it to the samples of {nameof(OrchestratorInvocations)}.");
    });

    [GeneratedRegex(@"\bset -- (?<words>[^;]*)")]
    private static partial Regex SetPositional();

    [GeneratedRegex(@"\bdotnet orchestrator (?<words>.*)$")]
    private static partial Regex Invocation();

    [GeneratedRegex(@"\$\{\{\s*(?<name>[^}]+?)\s*\}\}|\$\((?<name>[A-Za-z_][A-Za-z0-9_.]*)\)|\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}|\$(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Variable();
}
