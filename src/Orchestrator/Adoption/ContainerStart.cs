namespace Orchestrator.Adoption;

/// <summary>
/// A container test code starts itself (<c>new PostgreSqlBuilder()</c>): the builder, the resource it stands in
/// for (null for a generic container), and the host ports it fixes with <c>WithPortBinding</c>.
/// </summary>
internal sealed record ContainerStart(string Builder, string? Resource, string File, int Line)
{
    public override string ToString() => $"new {Builder}() ({File} line {Line})";
}
