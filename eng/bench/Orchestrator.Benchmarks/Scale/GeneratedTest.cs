namespace Orchestrator.Benchmarks.Scale;

/// <summary>One generated test method and the length of its simulated I/O wait.</summary>
internal sealed record GeneratedTest(string Method, int Milliseconds);
