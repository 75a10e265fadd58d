namespace Orchestrator.Benchmarks.Scale;

/// <summary>A generated xunit test project (its name is also its root namespace and assembly name).</summary>
internal sealed record GeneratedProject(string Name, IReadOnlyList<GeneratedClass> Classes)
{
    public int TestCount => Classes.Sum(@class => @class.Tests.Count);
}
