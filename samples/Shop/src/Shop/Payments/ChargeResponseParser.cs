using System.Text.Json;

namespace Shop.Payments;

/// <summary>Reads the gateway's JSON answer strictly: anything unexpected is a malformed response.</summary>
public static class ChargeResponseParser
{
    public static ChargeResponse Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Malformed("the body is not a JSON object");
            }

            var status = ReadString(root, "status") switch
            {
                "approved" => ChargeStatus.Approved,
                "declined" => ChargeStatus.Declined,
                var other => throw Malformed($"unknown status '{other}'"),
            };
            var chargeId = TryReadString(root, "chargeId");
            if (status == ChargeStatus.Approved && string.IsNullOrWhiteSpace(chargeId))
            {
                throw Malformed("an approved charge has no chargeId");
            }

            return new ChargeResponse(status, chargeId, TryReadString(root, "declineReason"));
        }
        catch (JsonException ex)
        {
            throw new PaymentGatewayException(GatewayFailureKind.MalformedResponse, $"The payment gateway answered with invalid JSON: {ex.Message}", null, ex);
        }
    }

    private static string ReadString(JsonElement root, string name) =>
        TryReadString(root, name) ?? throw Malformed($"the field '{name}' is missing");

    private static string? TryReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static PaymentGatewayException Malformed(string problem) =>
        new(GatewayFailureKind.MalformedResponse, $"The payment gateway answered with a malformed body: {problem}.");
}
