namespace Shop.Ordering;

/// <summary>How an order is priced: VAT on the discounted goods, shipping free above a threshold.</summary>
public sealed record PricingRules(int VatBasisPoints, long FreeShippingFromCents, long ShippingFeeCents)
{
    public static PricingRules Default { get; } = new(VatBasisPoints: 2000, FreeShippingFromCents: 50_00, ShippingFeeCents: 4_90);
}
