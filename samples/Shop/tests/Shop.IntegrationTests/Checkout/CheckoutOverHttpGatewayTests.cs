using Shop.Catalog;
using Shop.Checkout;
using Shop.Inventory;
using Shop.Notifications;
using Shop.Ordering;
using Shop.Payments;
using Shop.Sessions;
using Shop.Testing.Fakes;
using Xunit;

namespace Shop.IntegrationTests.Checkout;

/// <summary>Checkout against the payment gateway over real HTTP, with every store in memory.</summary>
[Trait("Category", "Integration")]
public sealed class CheckoutOverHttpGatewayTests : IAsyncLifetime
{
    private static readonly Sku Mug = Sku.Parse("MUG-200");
    private readonly HttpClient _http = new();
    private readonly InMemorySessionStore _sessions = new(TimeProvider.System);
    private readonly InMemoryInventory _inventory = new();
    private readonly InMemoryOrderEventPublisher _events = new();
    private FakePaymentGateway _fake = null!;
    private CheckoutService _checkout = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakePaymentGateway.StartAsync(CancellationToken.None);
        var products = new InMemoryProductSource();
        products.Put(new Product(Mug, "Mug", new Money(1200, "EUR")));
        await _inventory.SetStockAsync(Mug, 10, CancellationToken.None);
        var payments = new PaymentService(
            _fake.CreateClient(_http, FakePaymentGateway.HangTimeout), new InMemoryPaymentAuditLog(),
            new RetryPolicy(3, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(50)), TimeProvider.System);
        _checkout = new CheckoutService(_sessions, products, _inventory, payments, _events, new PriceCalculator(PricingRules.Default));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task An_order_is_placed_after_the_gateway_recovers_from_an_outage()
    {
        _fake.Then(GatewayReply.ServerError, GatewayReply.Approve);

        var result = await _checkout.PlaceOrderAsync(await TokenAsync(), Request(2), CancellationToken.None);

        Assert.True(result.IsPlaced, result.Detail);
        Assert.Equal(8, await _inventory.AvailableAsync(Mug, CancellationToken.None));
        Assert.Equal(2, _events.Published.Count);
    }

    [Fact]
    public async Task A_gateway_that_keeps_timing_out_fails_the_order_and_keeps_the_stock()
    {
        _fake.Then(GatewayReply.Hang, GatewayReply.Hang, GatewayReply.Hang);

        var result = await _checkout.PlaceOrderAsync(await TokenAsync(), Request(2), CancellationToken.None);

        Assert.Equal(CheckoutOutcome.PaymentFailed, result.Outcome);
        Assert.StartsWith("Timeout", result.Detail, StringComparison.Ordinal);
        Assert.Equal(10, await _inventory.AvailableAsync(Mug, CancellationToken.None));
        Assert.Empty(_events.Published);
    }

    [Fact]
    public async Task A_revoked_session_cannot_check_out()
    {
        var token = await TokenAsync();
        await _sessions.RevokeAsync(token, CancellationToken.None);

        var result = await _checkout.PlaceOrderAsync(token, Request(1), CancellationToken.None);

        Assert.Equal(CheckoutOutcome.SessionRejected, result.Outcome);
        Assert.Empty(_fake.Requests);
    }

    private async Task<string> TokenAsync() => (await _sessions.CreateAsync("c-http", TimeSpan.FromMinutes(5), CancellationToken.None)).Token;

    private static CheckoutRequest Request(int quantity) => new(Guid.NewGuid(), [new CartItem(Mug, quantity)]);
}
