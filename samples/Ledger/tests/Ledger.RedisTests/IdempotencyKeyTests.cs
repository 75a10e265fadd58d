using Ledger.Idempotency;
using Ledger.Testing;
using NUnit.Framework;

namespace Ledger.RedisTests;

public sealed class IdempotencyKeyTests : RedisTest
{
    private static RedisIdempotencyKeys Keys(TimeSpan? claimLifetime = null) =>
        new(Redis.Database, claimLifetime ?? TimeSpan.FromMinutes(1), TimeSpan.FromHours(24));

    [Test]
    public async Task The_first_claim_wins_and_a_concurrent_retry_sees_it_in_progress()
    {
        var keys = Keys();

        var first = await keys.ClaimAsync("req-1");
        var retry = await keys.ClaimAsync("req-1");
        await Redis.WaitOnServerAsync();

        Assert.That(first.State, Is.EqualTo(IdempotencyState.Claimed));
        Assert.That(retry.State, Is.EqualTo(IdempotencyState.InProgress));
        Assert.That(await Redis.KeyCountAsync(), Is.EqualTo(1));
    }

    [TestCase("Posted")]
    [TestCase("rejected: \"daily limit\" (EUR 500)")]
    public async Task A_completed_key_returns_the_stored_result(string result)
    {
        var keys = Keys();
        await keys.ClaimAsync("req-2");

        await keys.CompleteAsync("req-2", result);
        await Redis.WaitOnServerAsync();

        Assert.That(await keys.ClaimAsync("req-2"), Is.EqualTo(new IdempotencyClaim(IdempotencyState.Completed, result)));
        Assert.That(await Redis.KeysAsync(RedisIdempotencyKeys.KeyPrefix), Is.EqualTo(new List<string> { "ledger:idempotency:req-2" }));
    }

    [Test]
    public async Task An_abandoned_claim_expires_and_can_be_claimed_again()
    {
        var keys = Keys(claimLifetime: TimeSpan.FromMilliseconds(250));
        await keys.ClaimAsync("req-3");

        var reclaimed = await Poll.UntilAsync(() => keys.ClaimAsync("req-3"), claim => claim.State == IdempotencyState.Claimed, "the abandoned claim to expire");

        Assert.That(reclaimed.State, Is.EqualTo(IdempotencyState.Claimed));
        Assert.That(await Redis.KeyCountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_released_claim_can_be_retried_but_a_completed_key_cannot_be_released()
    {
        var keys = Keys();
        await keys.ClaimAsync("failed");
        await keys.ClaimAsync("done");
        await keys.CompleteAsync("done", "Posted");

        var releasedFailed = await keys.ReleaseAsync("failed");
        var releasedDone = await keys.ReleaseAsync("done");
        await Redis.WaitOnServerAsync();

        Assert.That((releasedFailed, releasedDone), Is.EqualTo((true, false)));
        Assert.That(await Redis.KeysAsync(RedisIdempotencyKeys.KeyPrefix), Is.EqualTo(new List<string> { "ledger:idempotency:done" }));
        Assert.That((await keys.ClaimAsync("failed")).State, Is.EqualTo(IdempotencyState.Claimed));
    }
}
