using System.Text.Json;
using Shop.Catalog;
using Shop.Ordering;

namespace Shop.ContractTests;

/// <summary>The cached form of a product is read by other services: its field names and types are a contract.</summary>
[TestClass]
public sealed class ProductCacheContractTests
{
    [TestMethod]
    [TestCategory("Unit")]
    [DataRow("Mug \"Classic\"", 1250L, "EUR")]
    [DataRow("Cup (large", 800L, "USD")]
    public void A_cached_product_keeps_the_field_names_other_services_read(string name, long cents, string currency)
    {
        var json = ProductJson.Serialize(new Product(Sku.Parse("SKU-001"), name, new Money(cents, currency)));

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.AreEqual("SKU-001", root.GetProperty("Sku").GetString());
        Assert.AreEqual(name, root.GetProperty("Name").GetString());
        Assert.AreEqual(cents, root.GetProperty("PriceCents").GetInt64());
        Assert.AreEqual(currency, root.GetProperty("Currency").GetString());
    }

    [TestMethod]
    [TestCategory("Unit")]
    public void An_entry_written_by_another_service_is_read()
    {
        var product = ProductJson.TryDeserialize("""{"Sku":"SKU-002","Name":"Tea","PriceCents":300,"Currency":"EUR"}""");

        Assert.AreEqual(new Product(Sku.Parse("SKU-002"), "Tea", new Money(300, "EUR")), product);
    }

    [TestMethod]
    [TestCategory("Unit")]
    [DataRow("""{"Sku":"SKU-003","PriceCents":300,"Currency":"EUR"}""")]
    [DataRow("""{"Sku":"not a sku","Name":"Tea","PriceCents":300,"Currency":"EUR"}""")]
    [DataRow("""not json""")]
    public void An_entry_missing_a_field_is_absent_rather_than_wrong(string json) =>
        Assert.IsNull(ProductJson.TryDeserialize(json));
}
