using Shop.Ordering;

namespace Shop.Payments;

public sealed record ChargeRequest(Guid OrderId, Money Amount, string IdempotencyKey)
{
    public static string IdempotencyKeyFor(Guid orderId) => $"order-{orderId:N}";
}
