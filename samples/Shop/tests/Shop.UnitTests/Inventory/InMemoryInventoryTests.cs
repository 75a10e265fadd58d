using Shop.Inventory;
using Shop.Ordering;
using Xunit;

namespace Shop.UnitTests.Inventory;

[Trait("Category", "Unit")]
public sealed class InMemoryInventoryTests
{
    private static readonly Sku Apple = Sku.Parse("APL-001");
    private static readonly Sku Pear = Sku.Parse("PER-002");
    private readonly InMemoryInventory _inventory = new();

    [Fact]
    public async Task Reserving_takes_the_quantity_out_of_stock()
    {
        await _inventory.SetStockAsync(Apple, 10, CancellationToken.None);

        var result = await _inventory.ReserveAsync(OrderOf((Apple, 4)), CancellationToken.None);

        Assert.Equal(ReservationOutcome.Reserved, result.Outcome);
        Assert.Equal(6, await _inventory.AvailableAsync(Apple, CancellationToken.None));
    }

    [Fact]
    public async Task An_order_is_reserved_entirely_or_not_at_all()
    {
        await _inventory.SetStockAsync(Apple, 10, CancellationToken.None);
        await _inventory.SetStockAsync(Pear, 1, CancellationToken.None);

        var result = await _inventory.ReserveAsync(OrderOf((Apple, 2), (Pear, 2)), CancellationToken.None);

        Assert.Equal(new ReservationResult(ReservationOutcome.InsufficientStock, Pear), result);
        Assert.Equal(10, await _inventory.AvailableAsync(Apple, CancellationToken.None));
    }

    [Fact]
    public async Task Reserving_the_same_order_twice_takes_stock_once()
    {
        await _inventory.SetStockAsync(Apple, 10, CancellationToken.None);
        var order = OrderOf((Apple, 3));

        await _inventory.ReserveAsync(order, CancellationToken.None);
        var again = await _inventory.ReserveAsync(order, CancellationToken.None);

        Assert.Equal(ReservationOutcome.AlreadyReserved, again.Outcome);
        Assert.True(again.Succeeded);
        Assert.Equal(7, await _inventory.AvailableAsync(Apple, CancellationToken.None));
    }

    [Fact]
    public async Task An_unknown_sku_is_named()
    {
        var result = await _inventory.ReserveAsync(OrderOf((Pear, 1)), CancellationToken.None);

        Assert.Equal(new ReservationResult(ReservationOutcome.UnknownSku, Pear), result);
    }

    [Fact]
    public async Task Releasing_gives_the_stock_back()
    {
        await _inventory.SetStockAsync(Apple, 5, CancellationToken.None);
        var order = OrderOf((Apple, 5));
        await _inventory.ReserveAsync(order, CancellationToken.None);

        var released = await _inventory.ReleaseAsync(order.Id, CancellationToken.None);

        Assert.Equal(1, released);
        Assert.Equal(5, await _inventory.AvailableAsync(Apple, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_orders_never_oversell()
    {
        await _inventory.SetStockAsync(Apple, 10, CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => _inventory.ReserveAsync(OrderOf((Apple, 1)), CancellationToken.None)));

        Assert.Equal(10, results.Count(result => result.Outcome == ReservationOutcome.Reserved));
        Assert.Equal(0, await _inventory.AvailableAsync(Apple, CancellationToken.None));
    }

    [Fact]
    public async Task Reservations_of_several_orders_come_back_together()
    {
        await _inventory.SetStockAsync(Apple, 10, CancellationToken.None);
        var first = OrderOf((Apple, 1));
        var second = OrderOf((Apple, 2));
        await _inventory.ReserveAsync(first, CancellationToken.None);
        await _inventory.ReserveAsync(second, CancellationToken.None);

        var reservations = await _inventory.ReservationsForOrdersAsync([first.Id, second.Id], CancellationToken.None);

        Assert.Equal(3, reservations.Sum(reservation => reservation.Quantity));
        Assert.Equal(3, await _inventory.ReservedQuantityAsync(Apple, CancellationToken.None));
    }

    [Fact]
    public async Task Stock_cannot_be_set_negative()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _inventory.SetStockAsync(Apple, -1, CancellationToken.None));
    }

    private static Order OrderOf(params (Sku Sku, int Quantity)[] lines) =>
        new(Guid.NewGuid(), "c1", lines.Select(line => new OrderLine(line.Sku, line.Quantity, new Money(100, "EUR"))));
}
