using Shop.Payments;

namespace Shop.UnitTests.Payments;

/// <summary>Our own gateway interface answered from a script, for the payment rules in memory.</summary>
internal sealed class ScriptedGateway(params Func<ChargeRequest, ChargeResponse>[] replies) : IPaymentGateway
{
    private readonly List<ChargeRequest> _requests = [];

    public IReadOnlyList<ChargeRequest> Requests => _requests;

    public static Func<ChargeRequest, ChargeResponse> Approve => request => new ChargeResponse(ChargeStatus.Approved, $"ch_{request.IdempotencyKey}", null);

    public static Func<ChargeRequest, ChargeResponse> Decline => _ => new ChargeResponse(ChargeStatus.Declined, null, "insufficient_funds");

    public static Func<ChargeRequest, ChargeResponse> Fail(GatewayFailureKind kind) => _ => throw new PaymentGatewayException(kind, $"scripted {kind}");

    public Task<ChargeResponse> ChargeAsync(ChargeRequest request, CancellationToken ct)
    {
        _requests.Add(request);
        var reply = replies[Math.Min(_requests.Count - 1, replies.Length - 1)];
        return Task.FromResult(reply(request));
    }
}
