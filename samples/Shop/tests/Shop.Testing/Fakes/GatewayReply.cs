namespace Shop.Testing.Fakes;

/// <summary>How the fake payment gateway answers one request.</summary>
public enum GatewayReply
{
    Approve,
    Decline,
    TooManyRequests,
    ServerError,
    BadRequest,

    /// <summary>Never answers (until the client gives up and disconnects).</summary>
    Hang,

    /// <summary>200 with a body that is not JSON.</summary>
    MalformedJson,

    /// <summary>200 with JSON that lacks the fields the contract requires.</summary>
    MissingFields,
}
