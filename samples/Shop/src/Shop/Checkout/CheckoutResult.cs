using Shop.Ordering;

namespace Shop.Checkout;

public sealed record CheckoutResult(CheckoutOutcome Outcome, string Detail, PriceBreakdown? Price = null, string? ChargeId = null)
{
    public bool IsPlaced => Outcome == CheckoutOutcome.Placed;
}
