namespace Ledger.Idempotency;

public enum IdempotencyState
{
    /// <summary>This caller holds the key now and must complete or release it.</summary>
    Claimed,

    /// <summary>Another caller holds the key and has not finished.</summary>
    InProgress,

    /// <summary>The request was handled before; its stored result is returned.</summary>
    Completed,
}
