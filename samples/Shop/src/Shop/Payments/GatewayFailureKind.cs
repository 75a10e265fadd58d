namespace Shop.Payments;

public enum GatewayFailureKind
{
    /// <summary>No answer within the client's timeout.</summary>
    Timeout,

    /// <summary>HTTP 429: the gateway asks us to slow down.</summary>
    RateLimited,

    /// <summary>HTTP 5xx or a refused connection.</summary>
    Unavailable,

    /// <summary>An answer we cannot read (not JSON, missing fields, unknown status).</summary>
    MalformedResponse,

    /// <summary>HTTP 4xx other than 429: the request itself is wrong; retrying will not help.</summary>
    Rejected,
}
