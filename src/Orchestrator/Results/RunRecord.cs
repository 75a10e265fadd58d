using Orchestrator.History;

namespace Orchestrator.Results;

/// <summary>
/// Everything a run did, as the reports need it: every unit process (each attempt and repetition),
/// where its TRX file is, how it ended, and every container's lifetime.
/// </summary>
/// <param name="RunId">Unique id of the run (also on the containers' labels).</param>
/// <param name="Cadence">Cadence that was run.</param>
/// <param name="StartedAt">Start of the run.</param>
/// <param name="FinishedAt">End of the run.</param>
/// <param name="Incomplete">True when the run was cancelled (Ctrl+C/SIGTERM) or aborted before every unit ran.</param>
/// <param name="Units">Every unit process that was started (or should have been), in start order.</param>
/// <param name="Containers">Every resource instance the run started.</param>
/// <param name="Phases">Wall time of each phase the run timed (discover, plan, prepare, execute).</param>
public sealed record RunRecord(
    string RunId,
    string Cadence,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    bool Incomplete,
    IReadOnlyList<UnitRun> Units,
    IReadOnlyList<ContainerLifetime> Containers,
    RunPhases Phases)
{
    /// <summary>Problems outside the tests (discovery, selection); any error fails the run.</summary>
    public IReadOnlyList<RunProblem> Problems { get; init; } = [];

    /// <summary>The shard the run was, when it ran one; null for a whole plan (or a merge of shards).</summary>
    public ShardRecord? Shard { get; init; }

    /// <summary>The counts and exit code the reports stated, as <c>run.json</c> keeps them for CI scripts; null before the merge.</summary>
    public RunVerdict? Verdict { get; init; }

    /// <summary>What <c>run --repeat N</c> asked for and how far each mode got; null for a run that repeated nothing.</summary>
    public RepeatRecord? Repeat { get; init; }

    /// <summary>The failing and flaky tests set against the history store (new failures, known flaky); empty without one.</summary>
    public IReadOnlyList<TestRunHistory> History { get; init; } = [];
}
