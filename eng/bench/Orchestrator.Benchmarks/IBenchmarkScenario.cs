namespace Orchestrator.Benchmarks;

/// <summary>
/// A benchmark that prints figures (ratios over absolute times: these machines are shared and noisy).
/// Scenarios are found by reflection, so adding one is adding a class.
/// </summary>
public interface IBenchmarkScenario
{
    /// <summary>Name used on the command line: <c>dotnet run -c Release -- planning</c>.</summary>
    string Name { get; }

    string Description { get; }

    Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken ct);
}
