using Shop.Ordering;
using Xunit;

namespace Shop.UnitTests.Ordering;

[Trait("Category", "Unit")]
public sealed class PriceCalculatorTests
{
    private readonly PriceCalculator _calculator = new(PricingRules.Default);

    [Theory]
    [InlineData(1000, 1, null, 1000, 0, 490, 200, 1690)]
    [InlineData(2500, 2, null, 5000, 0, 0, 1000, 6000)]
    [InlineData(2500, 2, "SAVE10", 5000, 500, 490, 900, 5890)]
    [InlineData(6000, 1, "SAVE50", 6000, 3000, 490, 600, 4090)]
    [InlineData(4999, 1, null, 4999, 0, 490, 1000, 6489)]
    [InlineData(333, 3, "SAVE5", 999, 50, 490, 190, 1629)]
    public void Orders_are_priced_with_discount_shipping_and_vat(
        long unitCents, int quantity, string? code, long subtotal, long discount, long shipping, long tax, long total)
    {
        var order = new Order(Guid.NewGuid(), "c1", [new OrderLine(Sku.Parse("ABC-100"), quantity, new Money(unitCents, "EUR"))]);

        var price = _calculator.Price(order, DiscountCode.TryParse(code));

        Assert.Equal(
            (subtotal, discount, shipping, tax, total),
            (price.Subtotal.Cents, price.Discount.Cents, price.Shipping.Cents, price.Tax.Cents, price.Total.Cents));
    }

    [Fact]
    public void The_total_is_in_the_order_currency()
    {
        var order = new Order(Guid.NewGuid(), "c1", [new OrderLine(Sku.Parse("ABC-100"), 1, new Money(100, "CHF"))]);

        Assert.Equal("CHF", _calculator.Price(order).Total.Currency);
    }

    [Fact]
    public void Free_shipping_is_judged_after_the_discount()
    {
        var order = new Order(Guid.NewGuid(), "c1", [new OrderLine(Sku.Parse("ABC-100"), 1, new Money(5000, "EUR"))]);

        Assert.Equal(0, _calculator.Price(order).Shipping.Cents);
        Assert.Equal(490, _calculator.Price(order, DiscountCode.TryParse("SAVE10")).Shipping.Cents);
    }
}
