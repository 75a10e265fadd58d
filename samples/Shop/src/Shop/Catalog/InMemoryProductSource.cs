using System.Collections.Concurrent;
using Shop.Ordering;

namespace Shop.Catalog;

/// <summary>A product source in memory that counts how often it is asked (to prove caching).</summary>
public sealed class InMemoryProductSource : IProductSource
{
    private readonly ConcurrentDictionary<Sku, Product> _products = new();
    private int _loads;

    public int Loads => Volatile.Read(ref _loads);

    public void Put(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        _products[product.Sku] = product;
    }

    public Task<Product?> FindAsync(Sku sku, CancellationToken ct)
    {
        Interlocked.Increment(ref _loads);
        return Task.FromResult(_products.TryGetValue(sku, out var product) ? product : null);
    }
}
