namespace Ledger.Idempotency;

/// <summary>The answer to a claim: who holds the key and, once completed, the stored result.</summary>
public sealed record IdempotencyClaim(IdempotencyState State, string? Result = null);
