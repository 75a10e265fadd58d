namespace Orchestrator.Docker;

/// <summary>Labels on every container the orchestrator creates: who owns it, so orphans can be swept.</summary>
internal static class ContainerLabels
{
    public const string Tool = "orchestrator.tool";
    public const string ToolValue = "orchestrator";
    public const string RunId = "orchestrator.run-id";
    public const string OwnerPid = "orchestrator.owner-pid";
    public const string OwnerHost = "orchestrator.owner-host";

    /// <summary>Start time of the owner process (ISO 8601, UTC): tells a live owner from a reused pid.</summary>
    public const string OwnerStarted = "orchestrator.owner-started";
    public const string Resource = "orchestrator.resource";
    public const string Instance = "orchestrator.instance";

    /// <summary>When the container was created (ISO 8601, UTC).</summary>
    public const string Created = "orchestrator.created";

    /// <summary>
    /// The state file of the <c>up</c> that keeps the container (<c>…/.orchestrator/up.json</c>): no sweep or <c>clean</c>
    /// removes it while that file exists; <c>down</c> does.
    /// </summary>
    public const string KeptBy = "orchestrator.kept-by";
}
