namespace Shop.Payments;

/// <summary>The payment provider: a boundary we do not own.</summary>
public interface IPaymentGateway
{
    /// <exception cref="PaymentGatewayException">No usable answer.</exception>
    Task<ChargeResponse> ChargeAsync(ChargeRequest request, CancellationToken ct);
}
