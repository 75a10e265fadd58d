namespace Orchestrator.Caching;

/// <summary>
/// One named input of a cache key and the digest of its content: <c>assembly output</c>, <c>run settings</c>,
/// <c>resource postgres</c>, … The name is what <c>plan --explain</c> shows when the input changed.
/// </summary>
/// <param name="Name">What the input is, unique within a key.</param>
/// <param name="Digest">Hex SHA-256 of the input's content.</param>
internal sealed record CacheInput(string Name, string Digest);
