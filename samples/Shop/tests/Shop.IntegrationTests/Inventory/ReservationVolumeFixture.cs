using Shop.Inventory;
using Shop.Ordering;
using Shop.Storage;
using Shop.Testing;
using Shop.Testing.Services;
using Xunit;

namespace Shop.IntegrationTests.Inventory;

/// <summary>
/// A schema of its own holding production-like volume: 2,000 SKUs and 100,000 reservations loaded
/// through binary COPY, then analysed so the planner sees real statistics. Dropped afterwards.
/// </summary>
public sealed class ReservationVolumeFixture : IAsyncLifetime
{
    public const int ReservationCount = 100_000;
    public const int SkuCount = 2_000;

    public PostgresFixture Postgres { get; } = new();

    public ShopSchema Schema { get; private set; } = ShopSchema.Default;

    public PostgresInventory Inventory { get; private set; } = null!;

    public IReadOnlyList<Sku> Skus { get; private set; } = [];

    public IReadOnlyList<Guid> OrderIds { get; private set; } = [];

    public ulong Imported { get; private set; }

    public async Task InitializeAsync()
    {
        await Postgres.InitializeAsync();
        Schema = await Postgres.CreateIsolatedSchemaAsync(CancellationToken.None);
        Inventory = new PostgresInventory(Postgres.DataSource, Schema);
        Skus = [.. Enumerable.Range(0, SkuCount).Select(_ => UniqueNames.Sku()).Distinct()];
        await using (var command = Postgres.DataSource.CreateCommand($"INSERT INTO {Schema.Stock} (sku, available) SELECT unnest(@skus), 1000000"))
        {
            command.Parameters.AddWithValue("skus", Skus.Select(sku => sku.Value).ToArray());
            await command.ExecuteNonQueryAsync();
        }

        OrderIds = [.. Enumerable.Range(0, ReservationCount).Select(_ => Guid.NewGuid())];
        Imported = await Inventory.ImportReservationsAsync(
            OrderIds.Select((orderId, i) => new Reservation(orderId, Skus[i % Skus.Count], 1 + (i % 3))), CancellationToken.None);
        await using var analyze = Postgres.DataSource.CreateCommand($"ANALYZE {Schema.Stock}; ANALYZE {Schema.Reservations}");
        await analyze.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await Schema.DropAsync(Postgres.DataSource, CancellationToken.None);
        await Postgres.DisposeAsync();
    }
}
