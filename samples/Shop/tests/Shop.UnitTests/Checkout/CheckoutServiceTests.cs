using Shop.Catalog;
using Shop.Checkout;
using Shop.Inventory;
using Shop.Notifications;
using Shop.Ordering;
using Shop.Payments;
using Shop.Sessions;
using Shop.Testing;
using Shop.UnitTests.Payments;
using Xunit;

namespace Shop.UnitTests.Checkout;

[Trait("Category", "Unit")]
public sealed class CheckoutServiceTests
{
    private static readonly Sku Tea = Sku.Parse("TEA-100");
    private readonly ManualClock _clock = new();
    private readonly InMemorySessionStore _sessions;
    private readonly InMemoryProductSource _products = new();
    private readonly InMemoryInventory _inventory = new();
    private readonly InMemoryOrderEventPublisher _events = new();

    public CheckoutServiceTests()
    {
        _sessions = new InMemorySessionStore(_clock);
        _products.Put(new Product(Tea, "Green tea", new Money(2000, "EUR")));
    }

    [Fact]
    public async Task A_placed_order_is_reserved_charged_and_announced_in_sequence()
    {
        await _inventory.SetStockAsync(Tea, 5, CancellationToken.None);
        var token = await TokenAsync();

        var result = await Service(ScriptedGateway.Approve).PlaceOrderAsync(token, Request(3), CancellationToken.None);

        Assert.True(result.IsPlaced);
        Assert.Equal(2, await _inventory.AvailableAsync(Tea, CancellationToken.None));
        Assert.Equal([OrderEventKind.Placed, OrderEventKind.Paid], _events.Published.Select(e => e.Kind));
        Assert.Equal([1L, 2L], _events.Published.Select(e => e.Sequence));
    }

    [Fact]
    public async Task An_expired_session_places_nothing()
    {
        await _inventory.SetStockAsync(Tea, 5, CancellationToken.None);
        var token = await TokenAsync();
        _clock.Advance(TimeSpan.FromHours(1));

        var result = await Service(ScriptedGateway.Approve).PlaceOrderAsync(token, Request(1), CancellationToken.None);

        Assert.Equal(CheckoutOutcome.SessionRejected, result.Outcome);
        Assert.Contains("Expired", result.Detail, StringComparison.Ordinal);
        Assert.Equal(5, await _inventory.AvailableAsync(Tea, CancellationToken.None));
    }

    [Fact]
    public async Task A_declined_payment_gives_the_reserved_stock_back()
    {
        await _inventory.SetStockAsync(Tea, 5, CancellationToken.None);

        var result = await Service(ScriptedGateway.Decline).PlaceOrderAsync(await TokenAsync(), Request(2), CancellationToken.None);

        Assert.Equal(CheckoutOutcome.PaymentDeclined, result.Outcome);
        Assert.Equal(5, await _inventory.AvailableAsync(Tea, CancellationToken.None));
        Assert.Empty(_events.Published);
    }

    [Fact]
    public async Task A_gateway_outage_fails_the_checkout_and_gives_the_stock_back()
    {
        await _inventory.SetStockAsync(Tea, 5, CancellationToken.None);

        var result = await Service(ScriptedGateway.Fail(GatewayFailureKind.Unavailable)).PlaceOrderAsync(await TokenAsync(), Request(2), CancellationToken.None);

        Assert.Equal(CheckoutOutcome.PaymentFailed, result.Outcome);
        Assert.Equal(5, await _inventory.AvailableAsync(Tea, CancellationToken.None));
    }

    [Fact]
    public async Task Too_little_stock_charges_nothing()
    {
        await _inventory.SetStockAsync(Tea, 1, CancellationToken.None);
        var gateway = new ScriptedGateway(ScriptedGateway.Approve);

        var result = await Service(gateway).PlaceOrderAsync(await TokenAsync(), Request(2), CancellationToken.None);

        Assert.Equal(CheckoutOutcome.OutOfStock, result.Outcome);
        Assert.Empty(gateway.Requests);
    }

    [Fact]
    public async Task A_product_not_in_the_catalog_is_not_sold()
    {
        var request = new CheckoutRequest(Guid.NewGuid(), [new CartItem(Sku.Parse("XXX-999"), 1)]);

        var result = await Service(ScriptedGateway.Approve).PlaceOrderAsync(await TokenAsync(), request, CancellationToken.None);

        Assert.Equal(CheckoutOutcome.OutOfStock, result.Outcome);
        Assert.Contains("XXX-999", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_discount_code_lowers_the_amount_charged()
    {
        await _inventory.SetStockAsync(Tea, 5, CancellationToken.None);
        var gateway = new ScriptedGateway(ScriptedGateway.Approve);

        await Service(gateway).PlaceOrderAsync(await TokenAsync(), Request(3) with { DiscountCode = "SAVE10" }, CancellationToken.None);

        Assert.Equal(6480, gateway.Requests.Single().Amount.Cents);
    }

    private async Task<string> TokenAsync() => (await _sessions.CreateAsync("c-1", TimeSpan.FromMinutes(30), CancellationToken.None)).Token;

    private static CheckoutRequest Request(int quantity) => new(Guid.NewGuid(), [new CartItem(Tea, quantity)]);

    private CheckoutService Service(Func<ChargeRequest, ChargeResponse> reply) => Service(new ScriptedGateway(reply));

    private CheckoutService Service(ScriptedGateway gateway) =>
        new(_sessions, _products, _inventory,
            new PaymentService(gateway, new InMemoryPaymentAuditLog(), new RetryPolicy(2, TimeSpan.Zero, TimeSpan.Zero), _clock),
            _events, new PriceCalculator(PricingRules.Default));
}
