namespace Orchestrator.Adoption;

/// <summary>
/// Test code that reaches beyond a partition's namespace on a server (<c>CREATE DATABASE orders</c>,
/// <c>pg_terminate_backend</c>, <c>FLUSHALL</c>): partitions sharing the server would collide, so the resource
/// needs a server of its own per unit.
/// </summary>
internal sealed record ServerWideUse(string Resource, string What, string File, int Line)
{
    public override string ToString() => $"{What} ({File} line {Line})";
}
