using Shop.Ordering;
using Xunit;

namespace Shop.UnitTests.Ordering;

[Trait("Category", "Unit")]
public sealed class DiscountCodeTests
{
    [Theory]
    [InlineData("SAVE10", 10)]
    [InlineData("save5", 5)]
    [InlineData(" SAVE50 ", 50)]
    [InlineData("SAVE1", 1)]
    public void Valid_codes_give_their_percentage(string code, int percent)
    {
        Assert.Equal(percent, DiscountCode.TryParse(code)?.Percent);
    }

    [Theory]
    [InlineData("SAVE0")]
    [InlineData("SAVE51")]
    [InlineData("SAVE99")]
    [InlineData("SAVE100")]
    [InlineData("FREE")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("SAVE")]
    public void Unknown_or_out_of_range_codes_give_no_discount(string? code)
    {
        Assert.Null(DiscountCode.TryParse(code));
    }
}
