namespace Ledger.Transfers;

/// <summary>A transfer asked for by a client, with the idempotency key it retries under.</summary>
public sealed record TransferRequest(string Client, string IdempotencyKey, string From, string To, decimal Amount, string Description);
