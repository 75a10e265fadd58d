namespace Orchestrator.Benchmarks.Scale;

/// <summary>Draws from a log-normal distribution (Box–Muller over a seeded <see cref="Random"/>).</summary>
internal sealed class LogNormalSampler(Random random)
{
    /// <summary>A value whose logarithm is normal with mean ln(median) and the given sigma, clamped to [min, max].</summary>
    public int NextMilliseconds(double median, double sigma, int min, int max)
    {
        var u1 = 1.0 - random.NextDouble(); // (0, 1]: the logarithm stays finite
        var u2 = random.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        var value = median * Math.Exp(sigma * normal);
        return (int)Math.Clamp(Math.Round(value), min, max);
    }
}
