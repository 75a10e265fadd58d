using Shop.Ordering;
using Xunit;

namespace Shop.UnitTests.Ordering;

[Trait("Category", "Unit")]
public sealed class OrderTests
{
    private static readonly Sku Apple = Sku.Parse("APL-001");
    private static readonly Sku Pear = Sku.Parse("PER-002");

    [Fact]
    public void Lines_of_the_same_sku_are_merged()
    {
        var order = new Order(Guid.NewGuid(), "c1", [Line(Apple, 2), Line(Pear, 1), Line(Apple, 3)]);

        Assert.Equal(2, order.Lines.Count);
        Assert.Equal(5, order.Lines.Single(line => line.Sku == Apple).Quantity);
    }

    [Fact]
    public void Lines_are_kept_in_sku_order_so_stock_is_always_locked_in_one_order()
    {
        var order = new Order(Guid.NewGuid(), "c1", [Line(Pear, 1), Line(Apple, 1)]);

        Assert.Equal([Apple, Pear], order.Lines.Select(line => line.Sku));
    }

    [Fact]
    public void An_order_without_lines_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Order(Guid.NewGuid(), "c1", []));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_line_without_a_positive_quantity_is_refused(int quantity)
    {
        Assert.Throws<ArgumentException>(() => new Order(Guid.NewGuid(), "c1", [Line(Apple, quantity)]));
    }

    [Fact]
    public void Lines_in_different_currencies_are_refused()
    {
        var dollars = new OrderLine(Pear, 1, new Money(100, "USD"));

        Assert.Throws<ArgumentException>(() => new Order(Guid.NewGuid(), "c1", [Line(Apple, 1), dollars]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_order_needs_a_customer(string customer)
    {
        Assert.Throws<ArgumentException>(() => new Order(Guid.NewGuid(), customer, [Line(Apple, 1)]));
    }

    [Fact]
    public void Item_count_and_currency_follow_the_lines()
    {
        var order = new Order(Guid.NewGuid(), "c1", [Line(Apple, 2), Line(Pear, 3)]);

        Assert.Equal(5, order.ItemCount);
        Assert.Equal("EUR", order.Currency);
    }

    [Fact]
    public void A_line_total_is_unit_price_times_quantity()
    {
        Assert.Equal(new Money(750, "EUR"), new OrderLine(Apple, 3, new Money(250, "EUR")).Total);
    }

    private static OrderLine Line(Sku sku, int quantity) => new(sku, quantity, new Money(100, "EUR"));
}
