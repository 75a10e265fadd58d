using Shop.Ordering;

namespace Shop.Inventory;

/// <summary>The inventory rules without a database: one lock, the same outcomes as the Postgres store.</summary>
public sealed class InMemoryInventory : IInventory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Sku, int> _stock = [];
    private readonly List<Reservation> _reservations = [];

    public Task SetStockAsync(Sku sku, int available, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(available);
        lock (_gate)
        {
            _stock[sku] = available;
        }

        return Task.CompletedTask;
    }

    public Task<int?> AvailableAsync(Sku sku, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult(_stock.TryGetValue(sku, out var available) ? available : (int?)null);
        }
    }

    public Task<ReservationResult> ReserveAsync(Order order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        lock (_gate)
        {
            if (_reservations.Exists(reservation => reservation.OrderId == order.Id))
            {
                return Task.FromResult(new ReservationResult(ReservationOutcome.AlreadyReserved));
            }

            foreach (var line in order.Lines)
            {
                if (!_stock.TryGetValue(line.Sku, out var available))
                {
                    return Task.FromResult(new ReservationResult(ReservationOutcome.UnknownSku, line.Sku));
                }

                if (available < line.Quantity)
                {
                    return Task.FromResult(new ReservationResult(ReservationOutcome.InsufficientStock, line.Sku));
                }
            }

            foreach (var line in order.Lines)
            {
                _stock[line.Sku] -= line.Quantity;
                _reservations.Add(new Reservation(order.Id, line.Sku, line.Quantity));
            }

            return Task.FromResult(new ReservationResult(ReservationOutcome.Reserved));
        }
    }

    public Task<int> ReleaseAsync(Guid orderId, CancellationToken ct)
    {
        lock (_gate)
        {
            var released = _reservations.Where(reservation => reservation.OrderId == orderId).ToList();
            foreach (var reservation in released)
            {
                _stock[reservation.Sku] += reservation.Quantity;
                _reservations.Remove(reservation);
            }

            return Task.FromResult(released.Count);
        }
    }

    public Task<IReadOnlyList<Reservation>> ReservationsForOrdersAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken ct)
    {
        lock (_gate)
        {
            IReadOnlyList<Reservation> found = [.. _reservations.Where(reservation => orderIds.Contains(reservation.OrderId))];
            return Task.FromResult(found);
        }
    }

    public Task<long> ReservedQuantityAsync(Sku sku, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult(_reservations.Where(reservation => reservation.Sku == sku).Sum(reservation => (long)reservation.Quantity));
        }
    }
}
