namespace Orchestrator.Adoption;

/// <summary>
/// A server address on this machine that test code writes as a literal (<c>"Host=localhost;Port=5432;…"</c>,
/// <c>"localhost:6379"</c>), not as the fallback of a variable it reads: no variable the orchestrator sets redirects it.
/// </summary>
/// <param name="Host">The host written (<c>localhost</c>, <c>127.0.0.1</c>).</param>
/// <param name="Port">The port written; null when the literal names none, so the client's own port applies.</param>
internal sealed record FixedAddress(string Host, int? Port, string File, int Line)
{
    public override string ToString() => $"{Host}{(Port is { } port ? $":{port}" : "")} written in {File} line {Line}";
}
