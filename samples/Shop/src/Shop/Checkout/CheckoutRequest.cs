using Shop.Ordering;

namespace Shop.Checkout;

public sealed record CheckoutRequest(Guid OrderId, IReadOnlyList<CartItem> Items, string? DiscountCode = null);

public sealed record CartItem(Sku Sku, int Quantity);
