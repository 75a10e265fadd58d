using Xunit;
namespace XunitSample;
public class OrderTests
{
    [Fact, Trait("Category", "Integration"), Trait("Resource", "postgres"), Trait("Resource", "redis")]
    public void Saves() { }

    [Theory, InlineData(1), InlineData(2)]
    public void Rows(int value) => Assert.True(value > 0);

    [Fact, Trait("Category", "Integration"), Trait("Resource", "postgress")]
    public void Misspelt() { }

    /// <summary>Eleven rows that hang when asked (FIXTURE_HANG=1): a unit of them ends before it reports any.</summary>
    [Theory, Trait("Resource", "postgres")]
    [InlineData(1), InlineData(2), InlineData(3), InlineData(4), InlineData(5), InlineData(6), InlineData(7), InlineData(8), InlineData(9), InlineData(10), InlineData(11)]
    public void Waits(int row) { Behaviour.HangWhenAsked(); Assert.True(row > 0); }
}
