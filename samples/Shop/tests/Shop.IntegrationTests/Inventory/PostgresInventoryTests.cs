using Npgsql;
using Shop.Inventory;
using Shop.Ordering;
using Shop.Testing;
using Shop.Testing.Services;
using Xunit;

namespace Shop.IntegrationTests.Inventory;

[Trait("Category", "Integration")]
[Trait("Resource", "postgres")]
public sealed class PostgresInventoryTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private readonly PostgresInventory _inventory = new(postgres.DataSource, postgres.Schema);

    [Fact]
    public async Task Reserving_decrements_stock_in_postgres()
    {
        var sku = await StockedAsync(10);

        var result = await _inventory.ReserveAsync(OrderOf((sku, 4)), CancellationToken.None);

        Assert.Equal(ReservationOutcome.Reserved, result.Outcome);
        Assert.Equal(6, await _inventory.AvailableAsync(sku, CancellationToken.None));
    }

    [Fact]
    public async Task A_line_short_of_stock_rolls_back_the_lines_already_reserved()
    {
        var plenty = await StockedAsync(10);
        var scarce = await StockedAsync(1);

        var result = await _inventory.ReserveAsync(OrderOf((plenty, 3), (scarce, 2)), CancellationToken.None);

        Assert.Equal(ReservationOutcome.InsufficientStock, result.Outcome);
        Assert.Equal(10, await _inventory.AvailableAsync(plenty, CancellationToken.None));
        Assert.Equal(0, await _inventory.ReservedQuantityAsync(plenty, CancellationToken.None));
    }

    [Fact]
    public async Task An_unknown_sku_is_reported_and_nothing_is_reserved()
    {
        var sku = UniqueNames.Sku();

        var result = await _inventory.ReserveAsync(OrderOf((sku, 1)), CancellationToken.None);

        Assert.Equal(new ReservationResult(ReservationOutcome.UnknownSku, sku), result);
    }

    [Fact]
    public async Task The_same_order_reserved_concurrently_takes_stock_once_thanks_to_the_unique_constraint()
    {
        var sku = await StockedAsync(100);
        var order = OrderOf((sku, 5));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _inventory.ReserveAsync(order, CancellationToken.None)));

        Assert.Single(results, result => result.Outcome == ReservationOutcome.Reserved);
        Assert.All(results, result => Assert.True(result.Succeeded));
        Assert.Equal(95, await _inventory.AvailableAsync(sku, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_orders_for_the_last_items_never_oversell()
    {
        var sku = await StockedAsync(7);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _inventory.ReserveAsync(OrderOf((sku, 1)), CancellationToken.None)));

        Assert.Equal(7, results.Count(result => result.Outcome == ReservationOutcome.Reserved));
        Assert.Equal(13, results.Count(result => result.Outcome == ReservationOutcome.InsufficientStock));
        Assert.Equal(0, await _inventory.AvailableAsync(sku, CancellationToken.None));
    }

    [Fact]
    public async Task Releasing_an_order_restores_stock_and_removes_its_reservations()
    {
        var first = await StockedAsync(5);
        var second = await StockedAsync(5);
        var order = OrderOf((first, 2), (second, 3));
        await _inventory.ReserveAsync(order, CancellationToken.None);

        var released = await _inventory.ReleaseAsync(order.Id, CancellationToken.None);

        Assert.Equal(2, released);
        Assert.Equal(5, await _inventory.AvailableAsync(first, CancellationToken.None));
        Assert.Equal(5, await _inventory.AvailableAsync(second, CancellationToken.None));
        Assert.Empty(await _inventory.ReservationsForOrdersAsync([order.Id], CancellationToken.None));
    }

    [Fact]
    public async Task The_check_constraint_refuses_negative_stock_written_around_the_repository()
    {
        var sku = await StockedAsync(1);
        await using var command = postgres.DataSource.CreateCommand($"UPDATE {postgres.Schema.Stock} SET available = -1 WHERE sku = @sku");
        command.Parameters.AddWithValue("sku", sku.Value);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
    }

    [Fact]
    public async Task An_exhausted_connection_pool_surfaces_as_inventory_unavailable_and_recovers_when_freed()
    {
        var sku = await StockedAsync(3);
        await using var tinyPool = postgres.CreateDataSource(builder =>
        {
            builder.MaxPoolSize = 2;
            builder.Timeout = 1;
        });
        var inventory = new PostgresInventory(tinyPool, postgres.Schema);
        var held = new[] { await tinyPool.OpenConnectionAsync(), await tinyPool.OpenConnectionAsync() };

        var error = await Assert.ThrowsAsync<InventoryUnavailableException>(() => inventory.ReserveAsync(OrderOf((sku, 1)), CancellationToken.None));
        foreach (var connection in held)
        {
            await connection.DisposeAsync();
        }

        var afterwards = await inventory.ReserveAsync(OrderOf((sku, 1)), CancellationToken.None);
        Assert.Contains("pool", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ReservationOutcome.Reserved, afterwards.Outcome);
    }

    private async Task<Sku> StockedAsync(int available)
    {
        var sku = UniqueNames.Sku();
        await _inventory.SetStockAsync(sku, available, CancellationToken.None);
        return sku;
    }

    private static Order OrderOf(params (Sku Sku, int Quantity)[] lines) =>
        new(Guid.NewGuid(), "c-pg", lines.Select(line => new OrderLine(line.Sku, line.Quantity, new Money(100, "EUR"))));
}
