namespace Orchestrator.Benchmarks.Scale;

/// <summary>
/// The generated suite's shape: 20 projects (12 unit, 6 integration, 2 end-to-end) and 6 resource sets.
/// Durations are simulated I/O waits drawn from log-normal distributions: most tests take a few
/// milliseconds, a long tail reaches the cap of 2 s. At 5,000 tests the waits sum to roughly four
/// minutes, about two minutes on two slots.
/// </summary>
internal static class SuiteShape
{
    public const int ProjectCount = 20;

    /// <summary>No simulated wait is longer than this.</summary>
    public const int MaxMilliseconds = 2_000;

    /// <summary>Seed of every random draw: the same N always generates the same suite.</summary>
    public const int Seed = 20_261_124;

    private static readonly int[] _unitProjects = [.. Enumerable.Range(0, 12)];
    private static readonly int[] _integrationProjects = [.. Enumerable.Range(12, 6)];
    private static readonly int[] _endToEndProjects = [18, 19];

    public static IReadOnlyList<TestGroup> Groups { get; } =
    [
        new("Unit", "unit", [], 0.60, 3, 1.0, (5, 20), _unitProjects),
        new("Postgres", "integration", ["postgres"], 0.15, 40, 1.2, (3, 12), _integrationProjects),
        new("Redis", "integration", ["redis"], 0.08, 15, 1.0, (3, 12), _integrationProjects),
        new("Rabbit", "integration", ["rabbitmq"], 0.05, 60, 1.1, (3, 12), _integrationProjects),
        new("PostgresRedis", "integration", ["postgres", "redis"], 0.07, 50, 1.2, (3, 12), _integrationProjects),
        new("Checkout", "e2e", ["postgres", "rabbitmq"], 0.05, 250, 0.9, (2, 6), _endToEndProjects),
    ];

    /// <summary>The connection variable a resource's tests read (the names of the root orchestrator.json).</summary>
    public static string VariableOf(string resource) => resource switch
    {
        "postgres" => "ConnectionStrings__Postgres",
        "redis" => "ConnectionStrings__Redis",
        "rabbitmq" => "ConnectionStrings__RabbitMq",
        _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, "No connection variable is defined for this resource."),
    };

    public static string ProjectName(int index)
    {
        var number = (index + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        return index switch
        {
            < 12 => $"Scale.M{number}.UnitTests",
            < 18 => $"Scale.M{number}.IntegrationTests",
            _ => $"Scale.M{number}.EndToEndTests",
        };
    }
}
