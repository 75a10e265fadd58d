using System.Globalization;
using Orchestrator.Execution;
using Orchestrator.Planning;
using Orchestrator.Resources;
using Orchestrator.Results;

namespace Orchestrator.Cli.Run;

/// <summary>Counts a run's progress for the renderers: per partition tests done and failed, units running, containers. Thread-safe.</summary>
internal sealed class RunProgressState
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, PartitionCounts> _partitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _containers = new(StringComparer.Ordinal);
    private readonly List<string> _failures = [];
    private int _running;

    public void Start(TestPlan plan, RunOptions options)
    {
        lock (_lock)
        {
            foreach (var partition in RepetitionSchedule.FirstAttempts(plan, options).GroupBy(attempt => attempt.Unit.PartitionId, StringComparer.Ordinal))
            {
                _partitions[partition.Key] = new PartitionCounts { Total = partition.Sum(attempt => attempt.Unit.ExpectedResults) };
            }
        }
    }

    public void UnitStarted()
    {
        lock (_lock)
        {
            _running++;
        }
    }

    public void UnitFinished(UnitRun run)
    {
        lock (_lock)
        {
            if (run.Exit is not (UnitExit.NotStarted or UnitExit.Cancelled))
            {
                _running--;
            }
            Partition(run.PartitionId).UnitsFinished++;
        }
    }

    public void Result(string partitionId, LiveTestResult result)
    {
        lock (_lock)
        {
            var counts = Partition(partitionId);
            counts.Done++;
            if (result.Outcome == TestResultOutcome.Failed)
            {
                counts.Failed++;
                _failures.Add(result.QualifiedDisplayName);
            }
        }
    }

    public void RetriesScheduled(string partitionId, int tests)
    {
        lock (_lock)
        {
            Partition(partitionId).Total += tests;
        }
    }

    public void Container(string instanceName, string status)
    {
        lock (_lock)
        {
            _containers[instanceName] = status;
        }
    }

    public void ContainerReady(ResourceInstance instance) =>
        Container(instance.InstanceName, string.Create(CultureInfo.InvariantCulture, $"ready in {(instance.ReadyAt - instance.StartedAt).TotalSeconds:0.0} s"));

    public Snapshot Take()
    {
        lock (_lock)
        {
            return new Snapshot(
                [.. _partitions.Select(pair => new PartitionSnapshot(pair.Key, pair.Value.Done, pair.Value.Total, pair.Value.Failed))],
                [.. _containers.Select(pair => (pair.Key, pair.Value))],
                [.. _failures],
                _running);
        }
    }

    private PartitionCounts Partition(string id)
    {
        if (!_partitions.TryGetValue(id, out var counts))
        {
            counts = new PartitionCounts();
            _partitions[id] = counts;
        }
        return counts;
    }

    internal sealed record Snapshot(
        IReadOnlyList<PartitionSnapshot> Partitions,
        IReadOnlyList<(string Instance, string Status)> Containers,
        IReadOnlyList<string> Failures,
        int RunningUnits)
    {
        public int Done => Partitions.Sum(partition => partition.Done);

        public int Total => Partitions.Sum(partition => partition.Total);

        public int Failed => Partitions.Sum(partition => partition.Failed);
    }

    internal sealed record PartitionSnapshot(string Id, int Done, int Total, int Failed);

    private sealed class PartitionCounts
    {
        public int Done { get; set; }

        public int Total { get; set; }

        public int Failed { get; set; }

        public int UnitsFinished { get; set; }
    }
}
