using NUnit.Framework;
namespace NunitSample;
public class StockTests
{
    [Test, Category("Integration"), Category("Slow"), Property("Resource", "postgres"), Property("Resource", "redis")]
    public void Reserves() { }

    [TestCase(1), TestCase(2)]
    public void Counts(int value) => Assert.That(value, Is.Positive);

    /// <summary>Arguments outside the Basic Multilingual Plane (which VSTest's TRX logger escapes) beside accented and CJK text.</summary>
    [TestCase("🎉"), TestCase("𝔘"), TestCase("café 日本"), Category("E2E")]
    public void Celebrates(string text) => Assert.That(text, Is.Not.Empty);

    [Test]
    public void Fails() => Assert.Fail("expected failure");

    [Test]
    public void Flaky() => Assert.That(Behaviour.NotFirstAttempt("nunit-vstest"), "fails on its first attempt on purpose");
}
