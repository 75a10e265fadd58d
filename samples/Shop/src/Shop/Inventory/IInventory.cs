using Shop.Ordering;

namespace Shop.Inventory;

/// <summary>Stock levels and the reservations orders hold against them.</summary>
public interface IInventory
{
    Task SetStockAsync(Sku sku, int available, CancellationToken ct);

    Task<int?> AvailableAsync(Sku sku, CancellationToken ct);

    /// <summary>Reserves every line of the order or none; reserving the same order twice is a no-op.</summary>
    Task<ReservationResult> ReserveAsync(Order order, CancellationToken ct);

    /// <summary>Gives the order's reserved stock back; returns how many reservations were released.</summary>
    Task<int> ReleaseAsync(Guid orderId, CancellationToken ct);

    Task<IReadOnlyList<Reservation>> ReservationsForOrdersAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken ct);

    Task<long> ReservedQuantityAsync(Sku sku, CancellationToken ct);
}
