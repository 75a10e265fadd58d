using Shop.Ordering;
using Xunit;

namespace Shop.UnitTests.Ordering;

[Trait("Category", "Unit")]
public sealed class MoneyTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 100)]
    [InlineData("19.99", 1999)]
    [InlineData("0.005", 0)]
    [InlineData("0.015", 2)]
    [InlineData("1234.5", 123450)]
    public void Decimal_amounts_become_whole_cents_rounded_half_to_even(string amount, long cents)
    {
        var money = Money.FromDecimal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "EUR");

        Assert.Equal(cents, money.Cents);
    }

    [Fact]
    public void Adding_amounts_of_one_currency_adds_cents()
    {
        var sum = new Money(150, "EUR").Add(new Money(275, "EUR"));

        Assert.Equal(new Money(425, "EUR"), sum);
    }

    [Fact]
    public void Adding_amounts_of_different_currencies_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Money(1, "EUR").Add(new Money(1, "USD")));

        Assert.Contains("EUR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Subtracting_can_go_below_zero()
    {
        Assert.Equal(-50, new Money(100, "EUR").Subtract(new Money(150, "EUR")).Cents);
    }

    [Theory]
    [InlineData(199, 3, 597)]
    [InlineData(0, 10, 0)]
    [InlineData(1, 1, 1)]
    public void Multiplying_scales_the_cents(long cents, int factor, long expected)
    {
        Assert.Equal(expected, new Money(cents, "EUR").Multiply(factor).Cents);
    }

    [Fact]
    public void Multiplying_past_the_range_overflows_loudly()
    {
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue / 2, "EUR").Multiply(3));
    }

    [Theory]
    [InlineData(10_000, 2000, 2000)]
    [InlineData(999, 2000, 200)]
    [InlineData(25, 2000, 5)]
    [InlineData(5, 1000, 0)]
    [InlineData(15, 1000, 2)]
    [InlineData(1000, 0, 0)]
    public void A_share_in_basis_points_rounds_half_to_even(long cents, int basisPoints, long expected)
    {
        Assert.Equal(expected, new Money(cents, "EUR").Share(basisPoints).Cents);
    }

    [Fact]
    public void Money_prints_with_two_decimals_and_its_currency()
    {
        Assert.Equal("12.30 EUR", new Money(1230, "EUR").ToString());
    }
}
