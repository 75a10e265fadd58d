using StackExchange.Redis;

namespace Ledger.Idempotency;

/// <summary>
/// Client-supplied idempotency keys under <c>ledger:idempotency:{key}</c>. The first caller claims a key
/// (SET NX, held for <paramref name="claimLifetime"/> so a crashed caller does not block it forever),
/// completes it with the result it returned (kept for <paramref name="resultLifetime"/>), and every
/// retry with the same key gets that result instead of a second transfer.
/// </summary>
public sealed class RedisIdempotencyKeys(IDatabase redis, TimeSpan claimLifetime, TimeSpan resultLifetime)
{
    public const string KeyPrefix = "ledger:idempotency:";

    private const string Pending = "pending";

    private const string DonePrefix = "done:";

    public static RedisKey KeyOf(string idempotencyKey) => KeyPrefix + idempotencyKey;

    public async Task<IdempotencyClaim> ClaimAsync(string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var key = KeyOf(idempotencyKey);
        if (await redis.StringSetAsync(key, Pending, claimLifetime, When.NotExists))
        {
            return new IdempotencyClaim(IdempotencyState.Claimed);
        }

        var value = (string?)await redis.StringGetAsync(key);
        return value switch
        {
            null => await ClaimAsync(idempotencyKey),
            _ when value.StartsWith(DonePrefix, StringComparison.Ordinal) => new IdempotencyClaim(IdempotencyState.Completed, value[DonePrefix.Length..]),
            _ => new IdempotencyClaim(IdempotencyState.InProgress),
        };
    }

    public Task CompleteAsync(string idempotencyKey, string result) =>
        redis.StringSetAsync(KeyOf(idempotencyKey), DonePrefix + result, resultLifetime);

    /// <summary>Gives a claimed key back (the request failed before doing anything) so that a retry may proceed.</summary>
    public async Task<bool> ReleaseAsync(string idempotencyKey)
    {
        var key = KeyOf(idempotencyKey);
        var released = await redis.ScriptEvaluateAsync(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end",
            [key],
            [Pending]);
        return (long)released == 1;
    }
}
