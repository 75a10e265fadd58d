namespace Orchestrator.Benchmarks.Scale;

/// <summary>
/// One kind of generated test: its layer, the resources it needs, its share of the suite, how big its
/// classes are, and the log-normal distribution its simulated I/O waits are drawn from.
/// </summary>
/// <param name="Name">Short name, also the prefix of the generated class names.</param>
/// <param name="Layer">Value of the <c>Category</c> trait.</param>
/// <param name="Resources">Values of the <c>Resource</c> traits (empty: none).</param>
/// <param name="Share">Fraction of the suite's tests in this group.</param>
/// <param name="MedianMilliseconds">Median of the simulated wait.</param>
/// <param name="Sigma">Standard deviation of the wait's logarithm (the tail's weight).</param>
/// <param name="ClassSize">Smallest and largest number of tests per class.</param>
/// <param name="ProjectPool">Indexes (0-based) of the projects this group's classes go to, in turn.</param>
internal sealed record TestGroup(
    string Name,
    string Layer,
    IReadOnlyList<string> Resources,
    double Share,
    double MedianMilliseconds,
    double Sigma,
    (int Min, int Max) ClassSize,
    IReadOnlyList<int> ProjectPool)
{
    /// <summary>Resource set as the orchestrator names partitions: sorted, joined by '+', or <c>none</c>.</summary>
    public string ResourceSetName => Resources.Count == 0 ? "none" : string.Join('+', Resources.Order(StringComparer.Ordinal));
}
