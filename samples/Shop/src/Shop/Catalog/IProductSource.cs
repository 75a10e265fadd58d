using Shop.Ordering;

namespace Shop.Catalog;

/// <summary>Where product data lives (the catalog database); slow enough to be worth caching.</summary>
public interface IProductSource
{
    Task<Product?> FindAsync(Sku sku, CancellationToken ct);
}
