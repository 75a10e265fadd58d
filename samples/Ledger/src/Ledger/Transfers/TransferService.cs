using Ledger.Caching;
using Ledger.Idempotency;
using Ledger.Postings;
using Ledger.RateLimiting;
using Ledger.Reporting;

namespace Ledger.Transfers;

/// <summary>
/// The transfer endpoint behind the API: rate limit per client, claim the idempotency key, post to the
/// ledger (the key is the transfer's reference), invalidate the cached balances and trial balance, and
/// store the outcome for retries.
/// </summary>
public sealed class TransferService(
    PostgresLedger ledger,
    RedisRateLimiter limiter,
    RedisIdempotencyKeys keys,
    RedisBalanceCache balances,
    CachedTrialBalance trialBalance)
{
    public async Task<TransferReceipt> TransferAsync(TransferRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rate = await limiter.TryAcquireAsync(request.Client);
        if (!rate.Allowed)
        {
            return new TransferReceipt(TransferStatus.RateLimited, RetryAfter: rate.RetryAfter);
        }

        var claim = await keys.ClaimAsync(request.IdempotencyKey);
        switch (claim.State)
        {
            case IdempotencyState.InProgress:
                return new TransferReceipt(TransferStatus.InProgress);
            case IdempotencyState.Completed:
                return new TransferReceipt(TransferStatus.Decided, Enum.Parse<PostingOutcome>(claim.Result!), Replayed: true);
        }

        PostingResult result;
        try
        {
            result = await ledger.PostAsync(
                Journal.Transfer(request.IdempotencyKey, request.From, request.To, request.Amount, request.Description),
                ct);
        }
        catch
        {
            await keys.ReleaseAsync(request.IdempotencyKey);
            throw;
        }

        if (result.Posted)
        {
            await balances.InvalidateAsync(request.From, request.To);
            await trialBalance.InvalidateAsync();
        }

        await keys.CompleteAsync(request.IdempotencyKey, result.Outcome.ToString());
        return new TransferReceipt(TransferStatus.Decided, result.Outcome);
    }

    /// <summary>An account's balance, from the cache when it holds it.</summary>
    public Task<decimal?> BalanceAsync(string code, CancellationToken ct) =>
        balances.GetOrLoadAsync(code, token => ledger.BalanceAsync(code, token), ct);
}
