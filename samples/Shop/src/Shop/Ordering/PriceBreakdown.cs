namespace Shop.Ordering;

public sealed record PriceBreakdown(Money Subtotal, Money Discount, Money Shipping, Money Tax, Money Total);
