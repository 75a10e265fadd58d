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
}
