using System.Collections.Immutable;

namespace Orchestrator.Audit;

/// <summary>The questions of the self-assessment that no file or run shows the tool: the team answers them.</summary>
internal static class TeamQuestions
{
    public static ImmutableArray<TeamQuestion> All { get; } =
    [
        new("service-contracts", "Are the contracts between services tested (consumer-driven contracts, schema or API compatibility checks)?",
            "Contracts live between teams and repositories; the tool sees only this repository's tests."),
        new("performance-budgets", "Do the integration tests check the SLAs or performance budgets that production promises?",
            "Budgets are the team's and production's numbers; the tool measures test durations, not service latencies."),
        new("test-data", "Does each test create the data it needs and rely on no seeded data shared with other tests?",
            "Whether a test reads data another test or a seed script wrote is in its logic, not in its configuration."),
        new("failure-ownership", "Does a failing integration run reach someone who acts on it the same day?",
            "Who is alerted and who answers is the team's arrangement, outside the repository."),
    ];
}
