namespace Orchestrator.Configuration;

/// <summary>Capacity limits for a run.</summary>
/// <param name="MaxParallelUnits">Units running at once; 0 means the machine's processor count.</param>
/// <param name="MaxContainers">Containers alive at once.</param>
/// <param name="TargetUnitDuration">A partition whose expected duration exceeds this is split into several units, as many as pay for their process start-up.</param>
/// <param name="MaxUnitsPerPartition">Upper bound on the units one partition is split into.</param>
public sealed record ParallelismSettings(
    int MaxParallelUnits,
    int MaxContainers,
    TimeSpan TargetUnitDuration,
    int MaxUnitsPerPartition)
{
    public static ParallelismSettings Default { get; } = new(0, 8, TimeSpan.FromSeconds(30), 4);

    /// <summary>
    /// Partitions of one layer that need resources and are expected to take less than the start-up of their
    /// assemblies' process (as the timings file measured it) are packed into one partition, so their tests share
    /// one process instead of each paying it; only partitions expected to take less than this qualify, and
    /// <see cref="TimeSpan.Zero"/> keeps every resource set apart.
    /// </summary>
    public TimeSpan PackBelow { get; init; } = TimeSpan.FromSeconds(10);

    public int EffectiveParallelUnits => MaxParallelUnits > 0 ? MaxParallelUnits : Environment.ProcessorCount;
}
