using Shop.Ordering;

namespace Shop.Inventory;

public sealed record Reservation(Guid OrderId, Sku Sku, int Quantity);
