using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Shop.Payments;

namespace Shop.Testing.Fakes;

/// <summary>
/// A payment gateway served over real HTTP on 127.0.0.1 (a free port chosen by the OS). Replies are
/// scripted in order; when the script runs out it approves. Like a real gateway, once it has decided
/// a charge (approved or declined) it answers that key with the same decision again. Every request is recorded.
/// </summary>
public sealed class FakePaymentGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<GatewayReply> _script = new();
    private readonly ConcurrentQueue<RecordedCharge> _requests = new();
    private readonly ConcurrentDictionary<string, GatewayReply> _decided = new(StringComparer.Ordinal);

    private FakePaymentGateway(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<RecordedCharge> Requests => [.. _requests];

    public static async Task<FakePaymentGateway> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gateway = new FakePaymentGateway(app);
        app.MapPost("/charges", gateway.ChargeAsync);
        app.MapGet("/health", () => "ok");
        await app.StartAsync(ct);
        gateway.BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/");

        // The first request of a process pays for JIT and connection set-up; pay it here, not inside a test's timeout.
        using var warmUp = new HttpClient { BaseAddress = gateway.BaseAddress };
        (await warmUp.GetAsync(new Uri("health", UriKind.Relative), ct)).EnsureSuccessStatusCode();
        return gateway;
    }

    public FakePaymentGateway Then(params GatewayReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }

        return this;
    }

    /// <summary>A client timeout no healthy answer exceeds, even on a loaded machine.</summary>
    public static readonly TimeSpan GenerousTimeout = TimeSpan.FromSeconds(5);

    /// <summary>A client timeout for tests where the gateway hangs: short, so the test stays fast.</summary>
    public static readonly TimeSpan HangTimeout = TimeSpan.FromMilliseconds(400);

    /// <summary>An HTTP gateway client pointed at this fake, with the given client-side timeout.</summary>
    public HttpPaymentGateway CreateClient(HttpClient http, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.BaseAddress = BaseAddress;
        return new HttpPaymentGateway(http, timeout);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ChargeAsync(HttpContext context)
    {
        var idempotencyKey = context.Request.Headers["Idempotency-Key"].ToString();
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new RecordedCharge(idempotencyKey, body));
        var reply = _decided.TryGetValue(idempotencyKey, out var decided) ? decided
            : _script.TryDequeue(out var next) ? next
            : GatewayReply.Approve;
        if (reply is GatewayReply.Approve or GatewayReply.Decline)
        {
            _decided.TryAdd(idempotencyKey, reply);
        }

        var response = context.Response;
        switch (reply)
        {
            case GatewayReply.Approve:
                await response.WriteAsJsonAsync(new { status = "approved", chargeId = $"ch_{idempotencyKey}" }, context.RequestAborted);
                break;
            case GatewayReply.Decline:
                await response.WriteAsJsonAsync(new { status = "declined", declineReason = "insufficient_funds" }, context.RequestAborted);
                break;
            case GatewayReply.TooManyRequests:
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers["Retry-After-Ms"] = "20";
                break;
            case GatewayReply.ServerError:
                response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                break;
            case GatewayReply.BadRequest:
                response.StatusCode = StatusCodes.Status400BadRequest;
                await response.WriteAsync("amount must be positive", context.RequestAborted);
                break;
            case GatewayReply.Hang:
                await WaitForClientToGiveUpAsync(context.RequestAborted);
                break;
            case GatewayReply.MalformedJson:
                response.ContentType = "application/json";
                await response.WriteAsync("<html>502 Bad Gateway</html>", context.RequestAborted);
                break;
            case GatewayReply.MissingFields:
                await response.WriteAsJsonAsync(new { status = "approved" }, context.RequestAborted);
                break;
            default:
                throw new InvalidOperationException($"Unknown reply {reply}.");
        }
    }

    private static async Task WaitForClientToGiveUpAsync(CancellationToken requestAborted)
    {
        var aborted = new TaskCompletionSource();
        await using var registration = requestAborted.Register(() => aborted.TrySetResult());
        await aborted.Task;
    }
}
