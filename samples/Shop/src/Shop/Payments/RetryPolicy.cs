namespace Shop.Payments;

/// <summary>Exponential back-off for transient gateway failures, honouring the gateway's Retry-After.</summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static RetryPolicy Default { get; } = new(3, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

    /// <summary>The delay before the next attempt, or null when the failure must not be retried.</summary>
    public TimeSpan? DelayBeforeRetry(int failedAttempt, PaymentGatewayException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (!failure.IsTransient || failedAttempt >= MaxAttempts)
        {
            return null;
        }

        var exponential = BaseDelay * Math.Pow(2, Math.Max(0, failedAttempt - 1));
        var wanted = failure.RetryAfter is { } retryAfter && retryAfter > exponential ? retryAfter : exponential;
        return wanted > MaxDelay ? MaxDelay : wanted;
    }
}
