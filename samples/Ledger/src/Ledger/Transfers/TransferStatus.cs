namespace Ledger.Transfers;

public enum TransferStatus
{
    /// <summary>The ledger took a decision (see the posting outcome).</summary>
    Decided,

    /// <summary>The client sent too many requests; nothing was attempted.</summary>
    RateLimited,

    /// <summary>An attempt with the same idempotency key is still running.</summary>
    InProgress,
}
