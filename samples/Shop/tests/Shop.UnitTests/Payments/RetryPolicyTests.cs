using Shop.Payments;
using Xunit;

namespace Shop.UnitTests.Payments;

[Trait("Category", "Unit")]
public sealed class RetryPolicyTests
{
    private readonly RetryPolicy _policy = new(4, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    public void Transient_failures_back_off_exponentially(int failedAttempt, int expectedMs)
    {
        var delay = _policy.DelayBeforeRetry(failedAttempt, Failure(GatewayFailureKind.Unavailable));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), delay);
    }

    [Fact]
    public void The_last_attempt_is_not_retried()
    {
        Assert.Null(_policy.DelayBeforeRetry(4, Failure(GatewayFailureKind.Timeout)));
    }

    [Theory]
    [InlineData(GatewayFailureKind.MalformedResponse)]
    [InlineData(GatewayFailureKind.Rejected)]
    public void Permanent_failures_are_not_retried(GatewayFailureKind kind)
    {
        Assert.Null(_policy.DelayBeforeRetry(1, Failure(kind)));
    }

    [Theory]
    [InlineData(GatewayFailureKind.Timeout)]
    [InlineData(GatewayFailureKind.RateLimited)]
    [InlineData(GatewayFailureKind.Unavailable)]
    public void Timeouts_rate_limits_and_outages_are_transient(GatewayFailureKind kind)
    {
        Assert.True(Failure(kind).IsTransient);
    }

    [Fact]
    public void A_longer_retry_after_from_the_gateway_wins_over_the_back_off()
    {
        var delay = _policy.DelayBeforeRetry(1, Failure(GatewayFailureKind.RateLimited, TimeSpan.FromMilliseconds(700)));

        Assert.Equal(TimeSpan.FromMilliseconds(700), delay);
    }

    [Fact]
    public void A_shorter_retry_after_does_not_shorten_the_back_off()
    {
        var delay = _policy.DelayBeforeRetry(3, Failure(GatewayFailureKind.RateLimited, TimeSpan.FromMilliseconds(10)));

        Assert.Equal(TimeSpan.FromMilliseconds(400), delay);
    }

    [Fact]
    public void No_delay_exceeds_the_maximum()
    {
        var delay = _policy.DelayBeforeRetry(1, Failure(GatewayFailureKind.RateLimited, TimeSpan.FromMinutes(5)));

        Assert.Equal(TimeSpan.FromSeconds(1), delay);
    }

    private static PaymentGatewayException Failure(GatewayFailureKind kind, TimeSpan? retryAfter = null) =>
        new(kind, kind.ToString(), retryAfter);
}
