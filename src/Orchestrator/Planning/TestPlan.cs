namespace Orchestrator.Planning;

/// <summary>
/// What a run will do: the selected tests grouped into partitions and execution units, what was
/// left out and why, and the predicted duration. Produced by the planner from pure inputs.
/// </summary>
/// <param name="Cadence">Cadence the plan was made for.</param>
/// <param name="Partitions">Partitions in execution priority order.</param>
/// <param name="Exclusions">Every discovered test that is not selected, with the reason.</param>
/// <param name="Prediction">Expected makespan on the configured slots and its lower bound.</param>
/// <param name="Shard">The shard this plan keeps, when sharded.</param>
public sealed record TestPlan(
    string Cadence,
    IReadOnlyList<Partition> Partitions,
    IReadOnlyList<Exclusion> Exclusions,
    PlanPrediction Prediction,
    Shard? Shard = null)
{
    public IEnumerable<ExecutionUnit> Units => Partitions.SelectMany(partition => partition.Units);

    /// <summary>The whole selection and the fingerprint of the split, when the plan keeps one shard.</summary>
    public ShardSplit? Split { get; init; }

    /// <summary>
    /// The units of the whole cadence's plan that hold a selected test, with the other tests that share their process
    /// and namespace in a normal run: what <c>run --repeat N --mode alongside</c> repeats. Empty unless asked for.
    /// </summary>
    public IReadOnlyList<ExecutionUnit> Alongside { get; init; } = [];

    public int SelectedTestCount => Partitions.Sum(partition => partition.TestCount);
}
