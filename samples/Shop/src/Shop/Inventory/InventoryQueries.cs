using Shop.Storage;

namespace Shop.Inventory;

/// <summary>The inventory's read queries, public so their plans can be checked at volume.</summary>
public sealed record InventoryQueries(ShopSchema Schema)
{
    /// <summary>Needs <c>ix_reservations_sku</c>; without it this is a scan of every reservation.</summary>
    public string ReservedQuantity => $"SELECT coalesce(sum(quantity), 0)::bigint FROM {Schema.Reservations} WHERE sku = @sku";

    /// <summary>One round trip for any number of orders (never one query per order).</summary>
    public string ReservationsForOrders => $"SELECT order_id, sku, quantity FROM {Schema.Reservations} WHERE order_id = ANY(@orderIds) ORDER BY order_id, sku";
}
