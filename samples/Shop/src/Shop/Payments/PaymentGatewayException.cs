namespace Shop.Payments;

/// <summary>The payment gateway did not give a usable answer.</summary>
public sealed class PaymentGatewayException : Exception
{
    public PaymentGatewayException(GatewayFailureKind kind, string message, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        RetryAfter = retryAfter;
    }

    public PaymentGatewayException()
        : this(GatewayFailureKind.Unavailable, "The payment gateway failed.")
    {
    }

    public PaymentGatewayException(string message)
        : this(GatewayFailureKind.Unavailable, message)
    {
    }

    public PaymentGatewayException(string message, Exception innerException)
        : this(GatewayFailureKind.Unavailable, message, null, innerException)
    {
    }

    public GatewayFailureKind Kind { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>Whether the same request (same idempotency key) may succeed if sent again.</summary>
    public bool IsTransient => Kind is GatewayFailureKind.Timeout or GatewayFailureKind.RateLimited or GatewayFailureKind.Unavailable;
}
