using Shop.Payments;
using Xunit;

namespace Shop.UnitTests.Payments;

[Trait("Category", "Unit")]
public sealed class ChargeResponseParserTests
{
    [Fact]
    public void An_approval_carries_its_charge_id()
    {
        var response = ChargeResponseParser.Parse("""{"status":"approved","chargeId":"ch_1"}""");

        Assert.Equal(new ChargeResponse(ChargeStatus.Approved, "ch_1", null), response);
    }

    [Fact]
    public void A_decline_carries_its_reason()
    {
        var response = ChargeResponseParser.Parse("""{"status":"declined","declineReason":"card_expired"}""");

        Assert.Equal(ChargeStatus.Declined, response.Status);
        Assert.Equal("card_expired", response.DeclineReason);
    }

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        var response = ChargeResponseParser.Parse("""{"status":"approved","chargeId":"ch_2","risk":{"score":3}}""");

        Assert.Equal("ch_2", response.ChargeId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>502</html>")]
    [InlineData("[1,2]")]
    [InlineData("\"approved\"")]
    [InlineData("{\"status\":\"approved\"}")]
    [InlineData("{\"status\":\"pending\",\"chargeId\":\"x\"}")]
    [InlineData("{\"status\":7}")]
    [InlineData("{\"chargeId\":\"ch_3\"}")]
    [InlineData("{\"status\":\"approved\",\"chargeId\":\"   \"}")]
    [InlineData("{\"status\":\"approved\",\"chargeId\":")]
    public void Anything_outside_the_contract_is_a_malformed_response(string body)
    {
        var error = Assert.Throws<PaymentGatewayException>(() => ChargeResponseParser.Parse(body));

        Assert.Equal(GatewayFailureKind.MalformedResponse, error.Kind);
        Assert.False(error.IsTransient);
    }
}
