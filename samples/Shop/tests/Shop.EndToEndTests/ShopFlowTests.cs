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

namespace Shop.EndToEndTests;

/// <summary>
/// The whole shop on real services: sessions and the product cache in Redis, catalog, stock and the
/// payment audit in Postgres, the payment gateway over HTTP, order events through RabbitMQ to the
/// notification worker deduplicating in Redis.
/// </summary>
[Trait("Category", "E2E")]
[Trait("Resource", "postgres")]
[Trait("Resource", "redis")]
[Trait("Resource", "rabbitmq")]
public sealed class ShopFlowTests(PostgresFixture postgres, RedisFixture redis, RabbitMqFixture rabbit)
    : IClassFixture<PostgresFixture>, IClassFixture<RedisFixture>, IClassFixture<RabbitMqFixture>, IAsyncLifetime
{
    private readonly OrderEventTopology _topology = RabbitMqFixture.NewTopology("e2e");
    private readonly string _keyPrefix = UniqueNames.KeyPrefix();
    private readonly HttpClient _http = new();
    private readonly Sku _sku = UniqueNames.Sku();
    private FakePaymentGateway _gateway = null!;
    private RabbitMqOrderEventPublisher _publisher = null!;
    private RedisSessionStore _sessions = null!;
    private PostgresInventory _inventory = null!;
    private CheckoutService _checkout = null!;

    public async Task InitializeAsync()
    {
        _gateway = await FakePaymentGateway.StartAsync(CancellationToken.None);
        await using (var channel = await rabbit.Connection.CreateChannelAsync())
        {
            await _topology.DeclareAsync(channel, CancellationToken.None);
        }

        _publisher = await RabbitMqOrderEventPublisher.CreateAsync(rabbit.Connection, _topology, CancellationToken.None);
        _sessions = new RedisSessionStore(redis.Database, _keyPrefix, TimeProvider.System, TimeSpan.FromSeconds(30));
        var catalog = new PostgresProductSource(postgres.DataSource, postgres.Schema);
        await catalog.UpsertAsync(new Product(_sku, "Espresso machine", new Money(19_900, "EUR")), CancellationToken.None);
        _inventory = new PostgresInventory(postgres.DataSource, postgres.Schema);
        await _inventory.SetStockAsync(_sku, 5, CancellationToken.None);
        var payments = new PaymentService(
            _gateway.CreateClient(_http, FakePaymentGateway.GenerousTimeout),
            new PostgresPaymentAuditLog(postgres.DataSource, postgres.Schema),
            new RetryPolicy(3, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(50)),
            TimeProvider.System);
        _checkout = new CheckoutService(
            _sessions, new ReadThroughProductCache(redis.Database, _keyPrefix, catalog, TimeSpan.FromMinutes(1)),
            _inventory, payments, _publisher, new PriceCalculator(PricingRules.Default));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _gateway.DisposeAsync();
        await _publisher.DisposeAsync();
        await rabbit.DeleteAsync(_topology, CancellationToken.None);
    }

    [Fact]
    public async Task A_signed_in_customer_orders_pays_and_is_notified_of_placement_and_payment()
    {
        var sender = new ScriptedNotificationSender();
        await using var worker = await StartWorkerAsync(sender);
        var session = await _sessions.CreateAsync(UniqueNames.CustomerId(), TimeSpan.FromMinutes(5), CancellationToken.None);

        var result = await _checkout.PlaceOrderAsync(session.Token, Request(2), CancellationToken.None);

        Assert.True(result.IsPlaced, result.Detail);
        Assert.Equal(3, await _inventory.AvailableAsync(_sku, CancellationToken.None));
        await Poll.UntilAsync(() => sender.Sent.Count == 2, $"both notifications ({worker.Stats})");
        Assert.Equal([OrderEventKind.Placed, OrderEventKind.Paid], sender.Sent.Select(e => e.Kind));
        Assert.All(sender.Sent, e => Assert.Equal(session.CustomerId, e.CustomerId));
    }

    [Fact]
    public async Task An_expired_session_touches_no_stock_no_payment_and_no_queue()
    {
        var session = await _sessions.CreateAsync(UniqueNames.CustomerId(), TimeSpan.FromMilliseconds(100), CancellationToken.None);
        await Poll.UntilAsync(async () => (await _sessions.ValidateAsync(session.Token, CancellationToken.None)).Status == SessionStatus.Expired, "the session to expire");

        var result = await _checkout.PlaceOrderAsync(session.Token, Request(1), CancellationToken.None);

        Assert.Equal(CheckoutOutcome.SessionRejected, result.Outcome);
        Assert.Equal(5, await _inventory.AvailableAsync(_sku, CancellationToken.None));
        Assert.Empty(_gateway.Requests);
        Assert.Equal(0u, await rabbit.MessageCountAsync(_topology.Queue, CancellationToken.None));
    }

    [Fact]
    public async Task An_order_goes_through_once_the_gateway_stops_rate_limiting()
    {
        _gateway.Then(GatewayReply.TooManyRequests, GatewayReply.ServerError, GatewayReply.Approve);
        var sender = new ScriptedNotificationSender();
        await using var worker = await StartWorkerAsync(sender);
        var session = await _sessions.CreateAsync(UniqueNames.CustomerId(), TimeSpan.FromMinutes(5), CancellationToken.None);

        var result = await _checkout.PlaceOrderAsync(session.Token, Request(1), CancellationToken.None);

        Assert.True(result.IsPlaced, result.Detail);
        Assert.Equal(3, _gateway.Requests.Count);
        await Poll.UntilAsync(() => sender.Sent.Count == 2, $"both notifications ({worker.Stats})");
    }

    [Fact]
    public async Task A_declined_card_gives_the_stock_back_and_notifies_nobody()
    {
        _gateway.Then(GatewayReply.Decline);
        var sender = new ScriptedNotificationSender();
        await using var worker = await StartWorkerAsync(sender);
        var session = await _sessions.CreateAsync(UniqueNames.CustomerId(), TimeSpan.FromMinutes(5), CancellationToken.None);

        var result = await _checkout.PlaceOrderAsync(session.Token, Request(4), CancellationToken.None);

        Assert.Equal(CheckoutOutcome.PaymentDeclined, result.Outcome);
        Assert.Equal(5, await _inventory.AvailableAsync(_sku, CancellationToken.None));
        Assert.Equal(0u, await rabbit.MessageCountAsync(_topology.Queue, CancellationToken.None));
        Assert.Empty(sender.Sent);
    }

    [Fact]
    public async Task A_resubmitted_checkout_charges_once_and_notifies_once()
    {
        var sender = new ScriptedNotificationSender();
        await using var worker = await StartWorkerAsync(sender);
        var session = await _sessions.CreateAsync(UniqueNames.CustomerId(), TimeSpan.FromMinutes(5), CancellationToken.None);
        var request = Request(1);

        await _checkout.PlaceOrderAsync(session.Token, request, CancellationToken.None);
        await _checkout.PlaceOrderAsync(session.Token, request, CancellationToken.None);

        await Poll.UntilAsync(() => worker.Stats.Notified + worker.Stats.Skipped == 4, $"all four deliveries to be handled ({worker.Stats})");
        Assert.Single(_gateway.Requests);
        Assert.Equal(2, sender.Sent.Count);
        Assert.Equal(4, await _inventory.AvailableAsync(_sku, CancellationToken.None));
    }

    [Fact]
    public async Task A_flaky_mail_relay_still_notifies_the_customer_exactly_once()
    {
        var sender = new ScriptedNotificationSender(failuresBeforeSuccess: 2);
        await using var worker = await StartWorkerAsync(sender);
        var session = await _sessions.CreateAsync(UniqueNames.CustomerId(), TimeSpan.FromMinutes(5), CancellationToken.None);

        await _checkout.PlaceOrderAsync(session.Token, Request(1), CancellationToken.None);

        await Poll.UntilAsync(() => sender.Sent.Count == 2, $"both notifications after retries ({worker.Stats})");
        Assert.Equal(4, worker.Stats.Retried);
        Assert.Equal(0u, await rabbit.MessageCountAsync(_topology.DeadLetterQueue, CancellationToken.None));
    }

    private Task<NotificationWorker> StartWorkerAsync(INotificationSender sender) =>
        NotificationWorker.StartAsync(
            rabbit.Connection, _topology,
            new RedisNotificationLedger(redis.Database, _keyPrefix, TimeSpan.FromMinutes(5)),
            sender, new NotificationWorkerOptions(MaxAttempts: 4, Prefetch: 1), CancellationToken.None);

    private CheckoutRequest Request(int quantity) => new(Guid.NewGuid(), [new CartItem(_sku, quantity)]);
}
