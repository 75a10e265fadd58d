using Npgsql;
using Shop.Catalog;
using Shop.Ordering;
using Shop.Storage;
using Shop.Testing;
using Shop.Testing.Services;

namespace Shop.ContractTests;

/// <summary>The catalog table is read by reporting jobs straight from Postgres: one row per SKU, these columns.</summary>
[TestClass]
public sealed class CatalogTableContractTests
{
    private static ServiceLease? s_lease;
    private static NpgsqlDataSource? s_dataSource;

    private static NpgsqlDataSource DataSource => s_dataSource ?? throw new InvalidOperationException("The class was not initialised.");

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        s_lease = await ServiceSources.FromEnvironment().AcquireAsync(ServiceKind.Postgres, CancellationToken.None);
        s_dataSource = NpgsqlDataSource.Create(s_lease.ConnectionString);
        await ShopSchema.Default.EnsureCreatedAsync(s_dataSource, CancellationToken.None);
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (s_dataSource is not null)
        {
            await s_dataSource.DisposeAsync();
        }
        if (s_lease is not null)
        {
            await s_lease.DisposeAsync();
        }
    }

    [TestMethod]
    [TestCategory("Integration")]
    [TestProperty("Resource", "postgres")]
    public async Task A_product_the_shop_saves_is_one_row_with_the_columns_reports_read()
    {
        var product = new Product(UniqueNames.Sku(), "Kettle (steel)", new Money(4200, "EUR"));
        await new PostgresProductSource(DataSource, ShopSchema.Default).UpsertAsync(product, CancellationToken.None);

        await using var command = DataSource.CreateCommand($"SELECT name, price_cents, currency FROM {ShopSchema.Default.Products} WHERE sku = $1");
        command.Parameters.AddWithValue(product.Sku.Value);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.IsTrue(await reader.ReadAsync());
        Assert.AreEqual("Kettle (steel)", reader.GetString(0));
        Assert.AreEqual(4200L, reader.GetInt64(1));
        Assert.AreEqual("EUR", reader.GetString(2));
        Assert.IsFalse(await reader.ReadAsync());
    }

    [TestMethod]
    [TestCategory("Integration")]
    [TestProperty("Resource", "postgres")]
    public async Task Saving_a_known_sku_again_updates_its_row_in_place()
    {
        var catalog = new PostgresProductSource(DataSource, ShopSchema.Default);
        var product = new Product(UniqueNames.Sku(), "Teapot", new Money(1500, "EUR"));
        await catalog.UpsertAsync(product, CancellationToken.None);

        await catalog.UpsertAsync(product with { Price = new Money(1700, "EUR") }, CancellationToken.None);

        await using var command = DataSource.CreateCommand($"SELECT count(*), max(price_cents) FROM {ShopSchema.Default.Products} WHERE sku = $1");
        command.Parameters.AddWithValue(product.Sku.Value);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.AreEqual(1L, reader.GetInt64(0));
        Assert.AreEqual(1700L, reader.GetInt64(1));
    }
}
