namespace Orchestrator.Adoption;

/// <summary>A variable a project's tests read, given to one resource, with the value the repository gives it (null when none was found).</summary>
internal sealed record AssignedRead(VariableRead Read, string Project, FoundValue? Value);
