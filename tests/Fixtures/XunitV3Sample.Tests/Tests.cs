using Xunit;

namespace XunitV3Sample;

public sealed class InvoiceTests
{
    [Fact, Trait("Category", "Integration"), Trait("Resource", "postgres"), Trait("Resource", "redis")]
    public void Saves() => Assert.Equal(2, 1 + 1);

    [Theory, Trait("Category", "Unit"), InlineData(1), InlineData(2)]
    public void Totals(int value) => Assert.True(value > 0);

    [Fact, Trait("Category", "Unit")]
    public void Fails() => Assert.Fail("fails on purpose");

    [Fact, Trait("Category", "Unit")]
    public void Flaky() => Assert.True(Behaviour.NotFirstAttempt("xunit.v3-vstest"), "fails on its first attempt on purpose");
}
