using Shop.Catalog;
using Shop.Ordering;
using Shop.Testing;
using Shop.Testing.Services;
using Xunit;

namespace Shop.IntegrationTests.Catalog;

/// <summary>The catalog table in Postgres read through the Redis cache.</summary>
[Trait("Category", "Integration")]
[Trait("Resource", "postgres")]
[Trait("Resource", "redis")]
public sealed class PostgresCatalogBehindRedisCacheTests(PostgresFixture postgres, RedisFixture redis)
    : IClassFixture<PostgresFixture>, IClassFixture<RedisFixture>
{
    private readonly PostgresProductSource _catalog = new(postgres.DataSource, postgres.Schema);
    private readonly string _prefix = UniqueNames.KeyPrefix();

    [Fact]
    public async Task A_product_read_from_postgres_is_then_served_from_redis()
    {
        var product = new Product(UniqueNames.Sku(), "Cup", new Money(800, "EUR"));
        await _catalog.UpsertAsync(product, CancellationToken.None);
        var cache = new ReadThroughProductCache(redis.Database, _prefix, _catalog, TimeSpan.FromMinutes(1));

        var first = await cache.FindAsync(product.Sku, CancellationToken.None);
        await _catalog.UpsertAsync(product with { Name = "Renamed in the database" }, CancellationToken.None);
        var second = await cache.FindAsync(product.Sku, CancellationToken.None);

        Assert.Equal(product, first);
        Assert.Equal("Cup", second?.Name);
    }

    [Fact]
    public async Task A_price_change_in_postgres_shows_once_the_cache_entry_is_invalidated()
    {
        var product = new Product(UniqueNames.Sku(), "Saucer", new Money(400, "EUR"));
        await _catalog.UpsertAsync(product, CancellationToken.None);
        var cache = new ReadThroughProductCache(redis.Database, _prefix, _catalog, TimeSpan.FromMinutes(1));
        await cache.FindAsync(product.Sku, CancellationToken.None);

        await _catalog.UpsertAsync(product with { Price = new Money(450, "EUR") }, CancellationToken.None);
        await cache.InvalidateAsync(product.Sku);

        Assert.Equal(450, (await cache.FindAsync(product.Sku, CancellationToken.None))?.Price.Cents);
    }
}
