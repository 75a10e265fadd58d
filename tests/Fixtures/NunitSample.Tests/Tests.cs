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

    [Test]
    public void Flaky() => Assert.That(Behaviour.NotFirstAttempt("nunit-vstest"), "fails on its first attempt on purpose");
}
