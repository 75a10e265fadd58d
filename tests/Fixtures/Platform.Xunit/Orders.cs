using Xunit;

namespace Platform.Xunit;

public sealed class Orders
{
    [Fact, Trait("Category", "Integration"), Trait("Resource", "postgres"), Trait("Resource", "redis")]
    public void Saves() => Assert.Equal(2, 1 + 1);

    [Theory, Trait("Category", "Unit")]
    [InlineData("a\"b")]
    [InlineData("(x")]
    public void Quoted(string value) => Assert.False(string.IsNullOrEmpty(value));

    [Fact, Trait("Category", "Unit")]
    public void Fails() => Assert.Fail("fails on purpose");

    [Fact, Trait("Category", "Unit")]
    public void Flaky() => Assert.True(Behaviour.NotFirstAttempt("xunit"), "fails on its first attempt on purpose");

    [Fact, Trait("Category", "Unit")]
    public void Hangs() => Behaviour.HangWhenAsked();
}
