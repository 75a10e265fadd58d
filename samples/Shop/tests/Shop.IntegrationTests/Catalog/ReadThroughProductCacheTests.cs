using Shop.Catalog;
using Shop.Ordering;
using Shop.Testing;
using Shop.Testing.Services;
using Xunit;

namespace Shop.IntegrationTests.Catalog;

[Trait("Category", "Integration")]
[Trait("Resource", "redis")]
public sealed class ReadThroughProductCacheTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private readonly InMemoryProductSource _source = new();
    private readonly string _prefix = UniqueNames.KeyPrefix();

    [Fact]
    public async Task A_miss_loads_from_the_source_once_and_later_reads_hit_redis()
    {
        var product = Stocked();
        var cache = Cache(TimeSpan.FromMinutes(1));

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(product, await cache.FindAsync(product.Sku, CancellationToken.None));
        }

        Assert.Equal(1, _source.Loads);
    }

    [Fact]
    public async Task An_invalidated_product_is_reloaded_with_its_new_price()
    {
        var product = Stocked();
        var cache = Cache(TimeSpan.FromMinutes(1));
        await cache.FindAsync(product.Sku, CancellationToken.None);
        _source.Put(product with { Price = new Money(999, "EUR") });

        await cache.InvalidateAsync(product.Sku);
        var reloaded = await cache.FindAsync(product.Sku, CancellationToken.None);

        Assert.Equal(999, reloaded?.Price.Cents);
        Assert.Equal(2, _source.Loads);
    }

    [Fact]
    public async Task A_malformed_cache_entry_is_replaced_from_the_source()
    {
        var product = Stocked();
        var cache = Cache(TimeSpan.FromMinutes(1));
        await redis.Database.StringSetAsync(cache.KeyOf(product.Sku), "{not json", TimeSpan.FromMinutes(1));

        var read = await cache.FindAsync(product.Sku, CancellationToken.None);

        Assert.Equal(product, read);
        Assert.Equal(product, ProductJson.TryDeserialize(await redis.Database.StringGetAsync(cache.KeyOf(product.Sku))));
    }

    [Fact]
    public async Task A_cached_product_expires_and_is_loaded_again()
    {
        var product = Stocked();
        var cache = Cache(TimeSpan.FromMilliseconds(100));
        await cache.FindAsync(product.Sku, CancellationToken.None);

        await Poll.UntilAsync(async () => !await redis.Database.KeyExistsAsync(cache.KeyOf(product.Sku)), "the cache entry to expire");
        await cache.FindAsync(product.Sku, CancellationToken.None);

        Assert.Equal(2, _source.Loads);
    }

    [Fact]
    public async Task An_unknown_product_is_not_cached()
    {
        var cache = Cache(TimeSpan.FromMinutes(1));
        var sku = UniqueNames.Sku();

        Assert.Null(await cache.FindAsync(sku, CancellationToken.None));
        Assert.False(await redis.Database.KeyExistsAsync(cache.KeyOf(sku)));
    }

    private Product Stocked()
    {
        var product = new Product(UniqueNames.Sku(), "Teapot", new Money(3500, "EUR"));
        _source.Put(product);
        return product;
    }

    private ReadThroughProductCache Cache(TimeSpan ttl) => new(redis.Database, _prefix, _source, ttl);
}
