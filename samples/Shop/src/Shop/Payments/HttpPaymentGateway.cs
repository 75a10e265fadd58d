using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace Shop.Payments;

/// <summary>
/// Talks to the payment gateway over HTTP: <c>POST charges</c> with an <c>Idempotency-Key</c> header.
/// Maps every way the call can go wrong to a <see cref="PaymentGatewayException"/> of a known kind.
/// </summary>
public sealed class HttpPaymentGateway(HttpClient http, TimeSpan timeout) : IPaymentGateway
{
    public async Task<ChargeResponse> ChargeAsync(ChargeRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutSource.CancelAfter(timeout);
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri("charges", UriKind.Relative))
        {
            Content = JsonContent.Create(new
            {
                orderId = request.OrderId,
                amountCents = request.Amount.Cents,
                currency = request.Amount.Currency,
            }),
        };
        message.Headers.Add("Idempotency-Key", request.IdempotencyKey);
        try
        {
            using var response = await http.SendAsync(message, timeoutSource.Token);
            var body = await response.Content.ReadAsStringAsync(timeoutSource.Token);
            return response.StatusCode switch
            {
                HttpStatusCode.OK => ChargeResponseParser.Parse(body),
                HttpStatusCode.TooManyRequests => throw new PaymentGatewayException(
                    GatewayFailureKind.RateLimited, "The payment gateway is rate limiting us (429).", RetryAfterOf(response)),
                >= HttpStatusCode.InternalServerError => throw new PaymentGatewayException(
                    GatewayFailureKind.Unavailable, $"The payment gateway failed with {(int)response.StatusCode}."),
                _ => throw new PaymentGatewayException(
                    GatewayFailureKind.Rejected, $"The payment gateway rejected the charge with {(int)response.StatusCode}: {body}"),
            };
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new PaymentGatewayException(
                GatewayFailureKind.Timeout, $"The payment gateway did not answer within {timeout.TotalMilliseconds:0} ms.", null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new PaymentGatewayException(GatewayFailureKind.Unavailable, $"The payment gateway is unreachable: {ex.Message}", null, ex);
        }
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return response.Headers.TryGetValues("Retry-After-Ms", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var milliseconds)
            ? TimeSpan.FromMilliseconds(milliseconds)
            : null;
    }
}
