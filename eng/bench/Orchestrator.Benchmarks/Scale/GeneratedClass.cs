namespace Orchestrator.Benchmarks.Scale;

/// <summary>A generated test class: every test in it has the group's layer and resources (as class traits).</summary>
internal sealed record GeneratedClass(string Name, TestGroup Group, IReadOnlyList<GeneratedTest> Tests);
