using Shop.Catalog;
using Shop.Ordering;
using Xunit;

namespace Shop.UnitTests.Catalog;

[Trait("Category", "Unit")]
public sealed class ProductJsonTests
{
    [Fact]
    public void A_product_survives_a_round_trip()
    {
        var product = new Product(Sku.Parse("TEA-100"), "Green tea", new Money(450, "EUR"));

        Assert.Equal(product, ProductJson.TryDeserialize(ProductJson.Serialize(product)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{}")]
    [InlineData("{\"Sku\":\"bad\",\"Name\":\"x\",\"PriceCents\":1,\"Currency\":\"EUR\"}")]
    [InlineData("{\"Sku\":\"TEA-100\",\"PriceCents\":1,\"Currency\":\"EUR\"}")]
    [InlineData("{\"Sku\":\"TEA-100\",\"Name\":\"x\",\"PriceCents\":\"cheap\",\"Currency\":\"EUR\"}")]
    public void An_unreadable_cache_entry_reads_as_absent(string? json)
    {
        Assert.Null(ProductJson.TryDeserialize(json));
    }
}
