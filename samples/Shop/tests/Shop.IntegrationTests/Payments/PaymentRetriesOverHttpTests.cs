using Shop.Ordering;
using Shop.Payments;
using Shop.Testing.Fakes;
using Xunit;

namespace Shop.IntegrationTests.Payments;

[Trait("Category", "Integration")]
public sealed class PaymentRetriesOverHttpTests : IAsyncLifetime
{
    private static readonly Money Amount = new(5000, "EUR");
    private readonly HttpClient _http = new();
    private readonly HttpClient _impatientHttp = new();
    private readonly InMemoryPaymentAuditLog _audit = new();
    private FakePaymentGateway _fake = null!;
    private PaymentService _payments = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakePaymentGateway.StartAsync(CancellationToken.None);
        _payments = Payments(_http, FakePaymentGateway.GenerousTimeout);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _impatientHttp.Dispose();
        await _fake.DisposeAsync();
    }

    private PaymentService Payments(HttpClient http, TimeSpan clientTimeout) =>
        new(_fake.CreateClient(http, clientTimeout), _audit, new RetryPolicy(3, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(50)), TimeProvider.System);

    [Fact]
    public async Task A_charge_succeeds_when_the_gateway_recovers_from_503s()
    {
        _fake.Then(GatewayReply.ServerError, GatewayReply.ServerError, GatewayReply.Approve);

        var result = await _payments.ChargeAsync(Guid.NewGuid(), Amount, CancellationToken.None);

        Assert.True(result.IsApproved);
        Assert.Equal(3, result.Attempts);
    }

    [Fact]
    public async Task A_charge_succeeds_after_the_rate_limit_lifts()
    {
        _fake.Then(GatewayReply.TooManyRequests, GatewayReply.Approve);

        var result = await _payments.ChargeAsync(Guid.NewGuid(), Amount, CancellationToken.None);

        Assert.True(result.IsApproved);
        Assert.Equal(2, _fake.Requests.Count);
    }

    [Fact]
    public async Task A_timed_out_charge_is_retried_with_the_same_idempotency_key()
    {
        _fake.Then(GatewayReply.Hang, GatewayReply.Approve);
        var orderId = Guid.NewGuid();

        var result = await Payments(_impatientHttp, FakePaymentGateway.HangTimeout).ChargeAsync(orderId, Amount, CancellationToken.None);

        Assert.True(result.IsApproved);
        Assert.True(_fake.Requests.Count >= 2);
        Assert.All(_fake.Requests, request => Assert.Equal(ChargeRequest.IdempotencyKeyFor(orderId), request.IdempotencyKey));
    }

    [Fact]
    public async Task A_gateway_down_for_every_attempt_fails_the_charge_without_an_audit_entry()
    {
        _fake.Then(GatewayReply.ServerError, GatewayReply.ServerError, GatewayReply.ServerError);

        var result = await _payments.ChargeAsync(Guid.NewGuid(), Amount, CancellationToken.None);

        Assert.Equal(PaymentOutcome.Failed, result.Outcome);
        Assert.Equal(3, _fake.Requests.Count);
        Assert.Equal(0, _audit.Count);
    }

    [Fact]
    public async Task A_malformed_answer_is_not_retried()
    {
        _fake.Then(GatewayReply.MalformedJson);

        var result = await _payments.ChargeAsync(Guid.NewGuid(), Amount, CancellationToken.None);

        Assert.Equal(PaymentOutcome.Failed, result.Outcome);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task The_same_order_charged_twice_reaches_the_gateway_once()
    {
        var orderId = Guid.NewGuid();

        await _payments.ChargeAsync(orderId, Amount, CancellationToken.None);
        var again = await _payments.ChargeAsync(orderId, Amount, CancellationToken.None);

        Assert.True(again.FromAudit);
        Assert.Single(_fake.Requests);
    }
}
