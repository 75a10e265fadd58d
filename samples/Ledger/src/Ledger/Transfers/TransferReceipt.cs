using Ledger.Postings;

namespace Ledger.Transfers;

/// <summary>What the client is told; <paramref name="Replayed"/> when the answer is the stored one of an earlier attempt.</summary>
public sealed record TransferReceipt(TransferStatus Status, PostingOutcome? Outcome = null, bool Replayed = false, TimeSpan RetryAfter = default);
