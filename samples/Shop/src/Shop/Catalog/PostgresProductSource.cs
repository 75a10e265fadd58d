using Npgsql;
using Shop.Ordering;
using Shop.Storage;

namespace Shop.Catalog;

public sealed class PostgresProductSource(NpgsqlDataSource dataSource, ShopSchema schema) : IProductSource
{
    public async Task UpsertAsync(Product product, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(product);
        await using var command = dataSource.CreateCommand(
            $"""
            INSERT INTO {schema.Products} (sku, name, price_cents, currency) VALUES (@sku, @name, @price, @currency)
            ON CONFLICT (sku) DO UPDATE SET name = excluded.name, price_cents = excluded.price_cents, currency = excluded.currency
            """);
        command.Parameters.AddWithValue("sku", product.Sku.Value);
        command.Parameters.AddWithValue("name", product.Name);
        command.Parameters.AddWithValue("price", product.Price.Cents);
        command.Parameters.AddWithValue("currency", product.Price.Currency);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<Product?> FindAsync(Sku sku, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT name, price_cents, currency FROM {schema.Products} WHERE sku = @sku");
        command.Parameters.AddWithValue("sku", sku.Value);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new Product(sku, reader.GetString(0), new Money(reader.GetInt64(1), reader.GetString(2)))
            : null;
    }
}
