namespace Orchestrator.Configuration;

/// <summary>Deadlines that turn a hang into a reported failure.</summary>
/// <param name="TestHang">A single test running longer than this is a hang (VSTest blame-hang).</param>
/// <param name="Unit">One <c>dotnet test</c> process running longer than this is killed.</param>
/// <param name="Readiness">Default deadline for a resource to become ready.</param>
public sealed record TimeoutSettings(TimeSpan TestHang, TimeSpan Unit, TimeSpan Readiness)
{
    public static TimeoutSettings Default { get; } = new(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(60));
}
