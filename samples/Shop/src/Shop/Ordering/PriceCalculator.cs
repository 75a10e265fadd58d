namespace Shop.Ordering;

public sealed class PriceCalculator(PricingRules rules)
{
    public PriceBreakdown Price(Order order, DiscountCode? discount = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        var subtotal = order.Lines.Aggregate(Money.Zero(order.Currency), (sum, line) => sum.Add(line.Total));
        var discountAmount = discount is null ? Money.Zero(order.Currency) : subtotal.Share(discount.Percent * 100);
        var goods = subtotal.Subtract(discountAmount);
        var shipping = goods.Cents >= rules.FreeShippingFromCents
            ? Money.Zero(order.Currency)
            : new Money(rules.ShippingFeeCents, order.Currency);
        var tax = goods.Share(rules.VatBasisPoints);
        return new PriceBreakdown(subtotal, discountAmount, shipping, tax, goods.Add(shipping).Add(tax));
    }
}
