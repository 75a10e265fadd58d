using System.Collections.Concurrent;
using Orchestrator.Results;

namespace Orchestrator.Execution;

/// <summary>
/// Marks the process of each unit of a run (<see cref="UnitProcessMark"/>) and ends what it leaves running: each kill is
/// logged in the unit's log, each survivor becomes a warning of the run, stated in every report.
/// </summary>
/// <param name="processes">This machine's processes.</param>
/// <param name="deathDeadline">How long killed processes get to die; <see cref="UnitProcessMark.DeathDeadline"/> unless a test says otherwise.</param>
internal sealed class UnitProcessSweeper(IProcessTable processes, TimeSpan deathDeadline)
{
    private readonly ConcurrentQueue<RunProblem> _problems = new();

    /// <summary>A mark for the next process of a unit.</summary>
    public UnitProcessMark Mark() => new(processes, deathDeadline);

    /// <summary>The survivors of every unit so far.</summary>
    public IReadOnlyList<RunProblem> Problems => [.. _problems];

    /// <summary>Ends every process of the unit <paramref name="unitId"/>, whatever ended the unit; never cancelled.</summary>
    public async Task EndAsync(UnitProcessMark mark, int? root, string unitId, Action<string> line)
    {
        ArgumentNullException.ThrowIfNull(mark);
        ArgumentNullException.ThrowIfNull(line);
        var leftovers = await mark.EndAsync(root, CancellationToken.None).ConfigureAwait(false);
        if (leftovers.LogLine is { } killed)
        {
            line(killed);
        }
        if (leftovers.Problem(unitId) is { } problem)
        {
            line($"> warning: {problem.Message}");
            _problems.Enqueue(problem);
        }
    }
}
