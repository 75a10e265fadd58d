using Shop.Sessions;
using Xunit;

namespace Shop.UnitTests.Sessions;

[Trait("Category", "Unit")]
public sealed class SessionRecordTests
{
    [Fact]
    public void A_session_survives_a_round_trip_through_its_stored_form()
    {
        var session = new Session("token", "customer|with|bars", DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_123));

        Assert.Equal(session, SessionRecord.TryParse("token", SessionRecord.Format(session)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-separator")]
    [InlineData("|123")]
    [InlineData("customer|")]
    [InlineData("customer|soon")]
    [InlineData("customer|-5")]
    public void An_unreadable_stored_form_gives_no_session(string? stored)
    {
        Assert.Null(SessionRecord.TryParse("token", stored));
    }

    [Fact]
    public void A_session_is_expired_from_its_expiry_instant_on()
    {
        var expiresAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var session = new Session("t", "c", expiresAt);

        Assert.False(session.IsExpiredAt(expiresAt.AddTicks(-1)));
        Assert.True(session.IsExpiredAt(expiresAt));
    }
}
