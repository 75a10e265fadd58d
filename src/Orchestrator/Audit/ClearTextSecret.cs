namespace Orchestrator.Audit;

/// <summary>A password or other secret written in clear in a settings file; the value itself is never kept.</summary>
/// <param name="Name">What holds it: the key, or the setting of a connection string (e.g. <c>Password</c>).</param>
internal sealed record ClearTextSecret(string File, int Line, string Name);
