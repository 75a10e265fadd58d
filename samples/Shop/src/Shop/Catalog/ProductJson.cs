using System.Text.Json;
using Shop.Ordering;

namespace Shop.Catalog;

/// <summary>The cached form of a product; anything unreadable is treated as absent.</summary>
public static class ProductJson
{
    public static string Serialize(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return JsonSerializer.Serialize(new CachedProduct(product.Sku.Value, product.Name, product.Price.Cents, product.Price.Currency));
    }

    public static Product? TryDeserialize(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            var cached = JsonSerializer.Deserialize<CachedProduct>(json);
            return cached is { Name: not null, Currency: not null } && Sku.TryParse(cached.Sku, out var sku)
                ? new Product(sku, cached.Name, new Money(cached.PriceCents, cached.Currency))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record CachedProduct(string? Sku, string? Name, long PriceCents, string? Currency);
}
