namespace Shop.Ordering;

public sealed record OrderLine(Sku Sku, int Quantity, Money UnitPrice)
{
    public Money Total => UnitPrice.Multiply(Quantity);
}
