using Shop.Catalog;
using Shop.Inventory;
using Shop.Notifications;
using Shop.Ordering;
using Shop.Payments;
using Shop.Sessions;

namespace Shop.Checkout;

/// <summary>
/// Places an order: a valid session, current prices, stock reserved, payment charged (the reservation
/// is released when the payment does not go through), then the Placed and Paid events published.
/// </summary>
public sealed class CheckoutService(
    ISessionStore sessions, IProductSource products, IInventory inventory, PaymentService payments,
    IOrderEventPublisher events, PriceCalculator pricing)
{
    public async Task<CheckoutResult> PlaceOrderAsync(string? sessionToken, CheckoutRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = await sessions.ValidateAsync(sessionToken, ct);
        if (validation.Session is not { } session)
        {
            return new CheckoutResult(CheckoutOutcome.SessionRejected, $"session {validation.Status}");
        }

        var lines = new List<OrderLine>();
        foreach (var item in request.Items)
        {
            var product = await products.FindAsync(item.Sku, ct);
            if (product is null)
            {
                return new CheckoutResult(CheckoutOutcome.OutOfStock, $"{item.Sku} is not sold");
            }

            lines.Add(new OrderLine(item.Sku, item.Quantity, product.Price));
        }

        var order = new Order(request.OrderId, session.CustomerId, lines);
        var reservation = await inventory.ReserveAsync(order, ct);
        if (!reservation.Succeeded)
        {
            return new CheckoutResult(CheckoutOutcome.OutOfStock, $"{reservation.Outcome} for {reservation.FailedSku}");
        }

        var price = pricing.Price(order, DiscountCode.TryParse(request.DiscountCode));
        var payment = await payments.ChargeAsync(order.Id, price.Total, ct);
        if (!payment.IsApproved)
        {
            await inventory.ReleaseAsync(order.Id, ct);
            var outcome = payment.Outcome == PaymentOutcome.Declined ? CheckoutOutcome.PaymentDeclined : CheckoutOutcome.PaymentFailed;
            return new CheckoutResult(outcome, payment.Reason ?? payment.Outcome.ToString(), price);
        }

        await events.PublishAsync(new OrderEvent(Guid.NewGuid(), order.Id, 1, OrderEventKind.Placed, session.CustomerId), ct);
        await events.PublishAsync(new OrderEvent(Guid.NewGuid(), order.Id, 2, OrderEventKind.Paid, session.CustomerId), ct);
        return new CheckoutResult(CheckoutOutcome.Placed, "placed", price, payment.ChargeId);
    }
}
