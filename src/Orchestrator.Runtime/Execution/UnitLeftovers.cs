using Orchestrator.Model;
using Orchestrator.Results;

namespace Orchestrator.Execution;

/// <summary>Processes of a unit that were still running when it ended: those killed, and those that survived being killed.</summary>
/// <param name="Killed">Each as <c>pid N (command line)</c>.</param>
/// <param name="Survivors">Each as <c>pid N (command line)</c>; they still run.</param>
internal sealed record UnitLeftovers(IReadOnlyList<string> Killed, IReadOnlyList<string> Survivors)
{
    /// <summary>The line the unit's log gets; null when nothing was left.</summary>
    public string? LogLine => Killed.Count == 0
        ? null
        : $"> {Killed.Count} process(es) started by the unit were still running when it ended and were killed: {string.Join(", ", Killed)}.";

    /// <summary>The warning every report states for the survivors; null when there are none.</summary>
    public RunProblem? Problem(string unitId) => Survivors.Count == 0
        ? null
        : new RunProblem(
            ProblemSeverity.Warning,
            unitId,
            $"{Survivors.Count} process(es) started by the unit's tests survived being killed when the unit ended: {string.Join(", ", Survivors)}. " +
            "They may still hold ports, files or databases: end them by hand (kill -9 <pid>), and make the tests stop what they start.");
}
