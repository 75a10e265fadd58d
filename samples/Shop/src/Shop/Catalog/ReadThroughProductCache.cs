using StackExchange.Redis;
using Shop.Ordering;

namespace Shop.Catalog;

/// <summary>
/// Products read through Redis: a hit never touches the source, a miss (or an unreadable entry) loads
/// from the source and caches for <c>ttl</c>. The cache is an optimisation: when Redis is down, reads
/// go to the source.
/// </summary>
public sealed class ReadThroughProductCache(IDatabase redis, string keyPrefix, IProductSource source, TimeSpan ttl) : IProductSource
{
    public async Task<Product?> FindAsync(Sku sku, CancellationToken ct)
    {
        var key = KeyOf(sku);
        try
        {
            if (ProductJson.TryDeserialize(await redis.StringGetAsync(key)) is { } cached)
            {
                return cached;
            }
        }
        catch (RedisException)
        {
            return await source.FindAsync(sku, ct);
        }

        var product = await source.FindAsync(sku, ct);
        if (product is not null)
        {
            try
            {
                await redis.StringSetAsync(key, ProductJson.Serialize(product), ttl);
            }
            catch (RedisException)
            {
                // The product was read; failing to cache it only costs the next read a trip to the source.
            }
        }

        return product;
    }

    public Task<bool> InvalidateAsync(Sku sku) => redis.KeyDeleteAsync(KeyOf(sku));

    public RedisKey KeyOf(Sku sku) => $"{keyPrefix}product:{sku.Value}";
}
