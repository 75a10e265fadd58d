namespace Orchestrator.Configuration;

/// <summary>Deadlines that turn a hang into a reported failure.</summary>
/// <param name="TestHang">A single test running longer than this is a hang: the orchestrator's watchdog names it and kills the unit.</param>
/// <param name="Unit">One <c>dotnet test</c> process running longer than this is killed.</param>
/// <param name="Readiness">Default deadline for a resource to become ready.</param>
public sealed record TimeoutSettings(TimeSpan TestHang, TimeSpan Unit, TimeSpan Readiness)
{
    public static TimeoutSettings Default { get; } = new(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(60));

    /// <summary>
    /// A dump of a hanging test host (<c>mini</c> or <c>full</c>) through VSTest's blame collector, or <c>none</c>. The
    /// collector is a process of its own in every unit (it costs about as much CPU again as the unit), so it runs only
    /// when dumps are wanted; without it the orchestrator's own watchdog names a hanging test.
    /// </summary>
    public string HangDump { get; init; } = "none";

    public bool CollectsHangDumps => HangDump != "none";
}
