namespace Orchestrator.Benchmarks.Scale;

/// <summary>The simulated I/O waits a generated suite holds: their sum and the longest one (exact: the generator drew them).</summary>
internal sealed record SimulatedWork(double TotalSeconds, double LongestSeconds)
{
    public static SimulatedWork Of(GeneratedSuite suite)
    {
        var waits = suite.Classes.SelectMany(@class => @class.Tests).Select(test => test.Milliseconds / 1000.0).ToList();
        return new SimulatedWork(waits.Sum(), waits.Max());
    }

    /// <summary>max(longest wait, summed waits / slots): no way of running the suite on this many slots finishes sooner.</summary>
    public double BoundSeconds(int slots) => Math.Max(LongestSeconds, TotalSeconds / slots);
}
