namespace Orchestrator.Planning;

public enum ExclusionReason
{
    /// <summary>The test's layer is not in the cadence.</summary>
    LayerNotInCadence,

    /// <summary>The test needs a resource the cadence does not allow.</summary>
    ResourceNotAllowed,

    /// <summary>The test is quarantined and the cadence does not run quarantined tests.</summary>
    Quarantined,

    /// <summary>The test's unit belongs to another shard.</summary>
    OtherShard,

    /// <summary>The run is a slice (<c>--filter</c>, <c>--project</c>) that does not select the test.</summary>
    OutsideSelection,

    /// <summary>The test passed before with the same inputs; its pass is reused from the result cache.</summary>
    Cached,
}
