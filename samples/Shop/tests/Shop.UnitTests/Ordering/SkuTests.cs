using Shop.Ordering;
using Xunit;

namespace Shop.UnitTests.Ordering;

[Trait("Category", "Unit")]
public sealed class SkuTests
{
    [Theory]
    [InlineData("ABC-123", "ABC-123")]
    [InlineData("abc-123", "ABC-123")]
    [InlineData("  XYZ-12345678 ", "XYZ-12345678")]
    [InlineData("QQQ-0001", "QQQ-0001")]
    public void Valid_skus_are_parsed_to_their_canonical_form(string input, string canonical)
    {
        Assert.Equal(canonical, Sku.Parse(input).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AB-123")]
    [InlineData("ABCD-123")]
    [InlineData("ABC123")]
    [InlineData("ABC-12")]
    [InlineData("ABC-123456789")]
    [InlineData("ABC-12A")]
    [InlineData("A1C-123")]
    [InlineData(null)]
    public void Malformed_skus_are_rejected(string? input)
    {
        Assert.False(Sku.TryParse(input, out _));
    }

    [Fact]
    public void Parse_names_the_rejected_value_and_an_example()
    {
        var error = Assert.Throws<FormatException>(() => Sku.Parse("nope"));

        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ABC-1234", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skus_with_the_same_canonical_form_are_equal()
    {
        Assert.Equal(Sku.Parse("abc-123"), Sku.Parse("ABC-123"));
    }
}
