using Shop.Sessions;
using Shop.Testing;
using Xunit;

namespace Shop.UnitTests.Sessions;

[Trait("Category", "Unit")]
public sealed class InMemorySessionStoreTests
{
    private readonly ManualClock _clock = new();
    private readonly InMemorySessionStore _store;

    public InMemorySessionStoreTests() => _store = new InMemorySessionStore(_clock);

    [Fact]
    public async Task A_fresh_session_is_valid_for_its_customer()
    {
        var session = await _store.CreateAsync("c-1", TimeSpan.FromMinutes(30), CancellationToken.None);

        var validation = await _store.ValidateAsync(session.Token, CancellationToken.None);

        Assert.True(validation.IsValid);
        Assert.Equal("c-1", validation.Session?.CustomerId);
    }

    [Fact]
    public async Task A_session_past_its_lifetime_is_expired()
    {
        var session = await _store.CreateAsync("c-1", TimeSpan.FromMinutes(30), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(SessionStatus.Expired, (await _store.ValidateAsync(session.Token, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task A_revoked_session_is_unknown()
    {
        var session = await _store.CreateAsync("c-1", TimeSpan.FromMinutes(30), CancellationToken.None);

        Assert.True(await _store.RevokeAsync(session.Token, CancellationToken.None));
        Assert.Equal(SessionStatus.Unknown, (await _store.ValidateAsync(session.Token, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task A_token_never_issued_is_unknown()
    {
        Assert.Equal(SessionStatus.Unknown, (await _store.ValidateAsync(SessionToken.NewToken(), CancellationToken.None)).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    public async Task A_malformed_token_is_rejected_without_a_lookup(string? token)
    {
        Assert.Equal(SessionStatus.Malformed, (await _store.ValidateAsync(token, CancellationToken.None)).Status);
    }
}
