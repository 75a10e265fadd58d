using NUnit.Framework;
namespace NunitSample;
public class StockTests
{
    [Test, Category("Integration"), Category("Slow"), Property("Resource", "postgres"), Property("Resource", "redis")]
    public void Reserves() { }

    [TestCase(1), TestCase(2)]
    public void Counts(int value) => Assert.That(value, Is.Positive);

    [Test]
    public void Fails() => Assert.Fail("expected failure");
}
