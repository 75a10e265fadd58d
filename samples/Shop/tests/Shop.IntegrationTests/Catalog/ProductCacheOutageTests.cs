using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;
using Shop.Catalog;
using Shop.Ordering;
using Xunit;

namespace Shop.IntegrationTests.Catalog;

/// <summary>The cache in front of the catalog when Redis cannot be reached: reads still work.</summary>
[Trait("Category", "Integration")]
public sealed class ProductCacheOutageTests
{
    [Fact]
    public async Task Products_are_read_from_the_source_when_redis_is_unreachable()
    {
        var port = UnusedPort();
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},abortConnect=false,connectTimeout=200,syncTimeout=200,asyncTimeout=200");
        var source = new InMemoryProductSource();
        var tea = new Product(Sku.Parse("TEA-300"), "Black tea", new Money(300, "EUR"));
        source.Put(tea);
        var cache = new ReadThroughProductCache(redis.GetDatabase(), "outage:", source, TimeSpan.FromMinutes(1));

        var first = await cache.FindAsync(tea.Sku, CancellationToken.None);
        var second = await cache.FindAsync(tea.Sku, CancellationToken.None);

        Assert.Equal(tea, first);
        Assert.Equal(tea, second);
        Assert.Equal(2, source.Loads);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
