using Shop.Catalog;
using Shop.Checkout;
using Shop.Inventory;
using Shop.Notifications;
using Shop.Ordering;
using Shop.Payments;
using Shop.Sessions;
using Shop.Testing;
using Shop.Testing.Fakes;
using Shop.Testing.Services;
using Xunit;

namespace Shop.IntegrationTests.Checkout;

/// <summary>Payment, then stock reserved in Postgres, then the order events published to RabbitMQ.</summary>
[Trait("Category", "Integration")]
[Trait("Resource", "postgres")]
[Trait("Resource", "rabbitmq")]
public sealed class CheckoutWithPostgresAndRabbitMqTests : IClassFixture<PostgresFixture>, IClassFixture<RabbitMqFixture>, IAsyncLifetime
{
    private readonly PostgresFixture _postgres;
    private readonly RabbitMqFixture _rabbit;
    private readonly OrderEventTopology _topology = RabbitMqFixture.NewTopology("checkout");
    private readonly HttpClient _http = new();
    private readonly InMemorySessionStore _sessions = new(TimeProvider.System);
    private readonly InMemoryProductSource _products = new();
    private readonly PostgresInventory _inventory;
    private readonly Sku _sku = UniqueNames.Sku();
    private FakePaymentGateway _fake = null!;
    private RabbitMqOrderEventPublisher _publisher = null!;
    private CheckoutService _checkout = null!;

    public CheckoutWithPostgresAndRabbitMqTests(PostgresFixture postgres, RabbitMqFixture rabbit)
    {
        _postgres = postgres;
        _rabbit = rabbit;
        _inventory = new PostgresInventory(postgres.DataSource, postgres.Schema);
    }

    public async Task InitializeAsync()
    {
        _fake = await FakePaymentGateway.StartAsync(CancellationToken.None);
        await using (var channel = await _rabbit.Connection.CreateChannelAsync())
        {
            await _topology.DeclareAsync(channel, CancellationToken.None);
        }

        _publisher = await RabbitMqOrderEventPublisher.CreateAsync(_rabbit.Connection, _topology, CancellationToken.None);
        _products.Put(new Product(_sku, "Kettle", new Money(2500, "EUR")));
        await _inventory.SetStockAsync(_sku, 10, CancellationToken.None);
        var payments = new PaymentService(
            _fake.CreateClient(_http, FakePaymentGateway.HangTimeout),
            new PostgresPaymentAuditLog(_postgres.DataSource, _postgres.Schema),
            new RetryPolicy(3, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(50)),
            TimeProvider.System);
        _checkout = new CheckoutService(_sessions, _products, _inventory, payments, _publisher, new PriceCalculator(PricingRules.Default));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
        await _publisher.DisposeAsync();
        await _rabbit.DeleteAsync(_topology, CancellationToken.None);
    }

    [Fact]
    public async Task A_paid_order_reserves_stock_in_postgres_and_publishes_placed_then_paid()
    {
        var request = new CheckoutRequest(Guid.NewGuid(), [new CartItem(_sku, 2)]);

        var result = await _checkout.PlaceOrderAsync(await TokenAsync(), request, CancellationToken.None);

        Assert.True(result.IsPlaced, result.Detail);
        Assert.Equal(8, await _inventory.AvailableAsync(_sku, CancellationToken.None));
        var published = await DrainAsync(2);
        Assert.Equal([OrderEventKind.Placed, OrderEventKind.Paid], published.Select(e => e.Kind));
        Assert.All(published, e => Assert.Equal(request.OrderId, e.OrderId));
    }

    [Fact]
    public async Task A_declined_payment_restores_stock_in_postgres_and_publishes_nothing()
    {
        _fake.Then(GatewayReply.Decline);

        var result = await _checkout.PlaceOrderAsync(await TokenAsync(), new CheckoutRequest(Guid.NewGuid(), [new CartItem(_sku, 3)]), CancellationToken.None);

        Assert.Equal(CheckoutOutcome.PaymentDeclined, result.Outcome);
        Assert.Equal(10, await _inventory.AvailableAsync(_sku, CancellationToken.None));
        Assert.Equal(0u, await _rabbit.MessageCountAsync(_topology.Queue, CancellationToken.None));
    }

    [Fact]
    public async Task A_checkout_retried_after_a_gateway_timeout_charges_and_reserves_once()
    {
        _fake.Then(GatewayReply.Hang, GatewayReply.Approve);
        var request = new CheckoutRequest(Guid.NewGuid(), [new CartItem(_sku, 1)]);
        var token = await TokenAsync();

        var first = await _checkout.PlaceOrderAsync(token, request, CancellationToken.None);
        var second = await _checkout.PlaceOrderAsync(token, request, CancellationToken.None);

        Assert.True(first.IsPlaced && second.IsPlaced);
        Assert.Equal(first.ChargeId, second.ChargeId);
        Assert.True(_fake.Requests.Count >= 2);
        Assert.All(_fake.Requests, charge => Assert.Equal(ChargeRequest.IdempotencyKeyFor(request.OrderId), charge.IdempotencyKey));
        Assert.Equal(9, await _inventory.AvailableAsync(_sku, CancellationToken.None));
    }

    private async Task<string> TokenAsync() => (await _sessions.CreateAsync("c-pg-mq", TimeSpan.FromMinutes(5), CancellationToken.None)).Token;

    private async Task<List<OrderEvent>> DrainAsync(int expected)
    {
        await using var channel = await _rabbit.Connection.CreateChannelAsync();
        var events = new List<OrderEvent>();
        await Poll.UntilAsync(
            async () =>
            {
                if (await channel.BasicGetAsync(_topology.Queue, autoAck: true) is { } message)
                {
                    events.Add(OrderEventJson.TryDeserialize(message.Body.Span)!);
                }

                return events.Count >= expected;
            },
            $"{expected} events on {_topology.Queue}");
        return events;
    }
}
