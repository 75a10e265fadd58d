using Shop.Sessions;
using Xunit;

namespace Shop.UnitTests.Sessions;

[Trait("Category", "Unit")]
public sealed class SessionTokenTests
{
    [Fact]
    public void New_tokens_are_well_formed_and_url_safe()
    {
        var token = SessionToken.NewToken();

        Assert.True(SessionToken.IsWellFormed(token));
        Assert.DoesNotContain('+', token);
        Assert.DoesNotContain('/', token);
    }

    [Fact]
    public void New_tokens_do_not_repeat()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => SessionToken.NewToken()).ToHashSet();

        Assert.Equal(1000, tokens.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    public void Missing_or_short_tokens_are_not_well_formed(string? token)
    {
        Assert.False(SessionToken.IsWellFormed(token));
    }

    [Theory]
    [InlineData(42, "")]
    [InlineData(44, "")]
    [InlineData(42, "+")]
    [InlineData(42, "/")]
    [InlineData(42, " ")]
    [InlineData(42, "=")]
    public void Tokens_of_the_wrong_length_or_alphabet_are_not_well_formed(int letters, string suffix)
    {
        Assert.False(SessionToken.IsWellFormed(new string('a', letters) + suffix));
    }

    [Fact]
    public void A_token_of_43_url_safe_characters_is_well_formed()
    {
        Assert.True(SessionToken.IsWellFormed(new string('a', 41) + "-_"));
    }
}
