using System.Net;
using System.Net.Sockets;
using Shop.Ordering;
using Shop.Payments;
using Shop.Testing.Fakes;
using Xunit;

namespace Shop.IntegrationTests.Payments;

[Trait("Category", "Integration")]
public sealed class HttpPaymentGatewayTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private FakePaymentGateway _fake = null!;
    private HttpPaymentGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakePaymentGateway.StartAsync(CancellationToken.None);
        _gateway = _fake.CreateClient(_http, FakePaymentGateway.GenerousTimeout);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task An_approval_over_http_is_read_with_its_charge_id()
    {
        var request = Request();

        var response = await _gateway.ChargeAsync(request, CancellationToken.None);

        Assert.Equal(ChargeStatus.Approved, response.Status);
        Assert.Equal($"ch_{request.IdempotencyKey}", response.ChargeId);
    }

    [Fact]
    public async Task The_idempotency_key_and_amount_reach_the_gateway()
    {
        var request = Request();

        await _gateway.ChargeAsync(request, CancellationToken.None);

        var recorded = Assert.Single(_fake.Requests);
        Assert.Equal(request.IdempotencyKey, recorded.IdempotencyKey);
        Assert.Contains("\"amountCents\":1999", recorded.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decline_over_http_carries_the_reason()
    {
        _fake.Then(GatewayReply.Decline);

        var response = await _gateway.ChargeAsync(Request(), CancellationToken.None);

        Assert.Equal(new ChargeResponse(ChargeStatus.Declined, null, "insufficient_funds"), response);
    }

    [Fact]
    public async Task A_429_is_a_rate_limit_with_the_gateways_retry_after()
    {
        _fake.Then(GatewayReply.TooManyRequests);

        var error = await Assert.ThrowsAsync<PaymentGatewayException>(() => _gateway.ChargeAsync(Request(), CancellationToken.None));

        Assert.Equal(GatewayFailureKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromMilliseconds(20), error.RetryAfter);
    }

    [Fact]
    public async Task A_503_is_a_transient_outage()
    {
        _fake.Then(GatewayReply.ServerError);

        var error = await Assert.ThrowsAsync<PaymentGatewayException>(() => _gateway.ChargeAsync(Request(), CancellationToken.None));

        Assert.Equal(GatewayFailureKind.Unavailable, error.Kind);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task A_400_is_a_permanent_rejection_quoting_the_gateway()
    {
        _fake.Then(GatewayReply.BadRequest);

        var error = await Assert.ThrowsAsync<PaymentGatewayException>(() => _gateway.ChargeAsync(Request(), CancellationToken.None));

        Assert.Equal(GatewayFailureKind.Rejected, error.Kind);
        Assert.Contains("amount must be positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_that_never_answers_times_out_on_the_client_deadline()
    {
        _fake.Then(GatewayReply.Hang);
        using var http = new HttpClient();
        var gateway = _fake.CreateClient(http, FakePaymentGateway.HangTimeout);

        var error = await Assert.ThrowsAsync<PaymentGatewayException>(() => gateway.ChargeAsync(Request(), CancellationToken.None));

        Assert.Equal(GatewayFailureKind.Timeout, error.Kind);
        Assert.Contains("400 ms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_cancellation_is_not_mistaken_for_a_timeout()
    {
        _fake.Then(GatewayReply.Hang);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _gateway.ChargeAsync(Request(), cancellation.Token));
    }

    [Theory]
    [InlineData(GatewayReply.MalformedJson)]
    [InlineData(GatewayReply.MissingFields)]
    public async Task A_200_with_a_malformed_body_is_a_protocol_error(GatewayReply reply)
    {
        _fake.Then(reply);

        var error = await Assert.ThrowsAsync<PaymentGatewayException>(() => _gateway.ChargeAsync(Request(), CancellationToken.None));

        Assert.Equal(GatewayFailureKind.MalformedResponse, error.Kind);
    }

    [Fact]
    public async Task A_gateway_nobody_listens_for_is_unavailable()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{UnusedPort()}/") };
        var gateway = new HttpPaymentGateway(http, FakePaymentGateway.GenerousTimeout);

        var error = await Assert.ThrowsAsync<PaymentGatewayException>(() => gateway.ChargeAsync(Request(), CancellationToken.None));

        Assert.Equal(GatewayFailureKind.Unavailable, error.Kind);
    }

    private static ChargeRequest Request()
    {
        var orderId = Guid.NewGuid();
        return new ChargeRequest(orderId, new Money(1999, "EUR"), ChargeRequest.IdempotencyKeyFor(orderId));
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
