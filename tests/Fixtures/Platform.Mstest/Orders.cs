using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Platform.Mstest;

[TestClass]
public sealed class Orders
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod, TestCategory("Integration"), TestProperty("Resource", "postgres")]
    public void Saves() => Assert.AreEqual(2, 1 + 1);

    [TestMethod, TestCategory("Unit")]
    [DataRow("a\"b"), DataRow("(x")]
    public void Quoted(string value) => Assert.IsFalse(string.IsNullOrEmpty(value));

    [TestMethod, TestCategory("Unit")]
    public void Fails() => Assert.AreEqual(1, 2, "fails on purpose");

    [TestMethod, TestCategory("Unit")]
    public void Flaky() => Assert.IsTrue(Behaviour.NotFirstAttempt("mstest"), "fails on its first attempt on purpose");

    [TestMethod, TestCategory("Unit")]
    public void Hangs() => Behaviour.HangWhenAsked();

    // Passes only with the test run parameters and environment of a .runsettings the orchestrator merged from two files;
    // its resource keeps it out of the runs that do not configure them.
    [TestMethod, TestCategory("Integration"), TestProperty("Resource", "redis")]
    public void Settings() => Assert.AreEqual(
        "project/shared/ci", $"{Parameter("orders")}/{Parameter("region")}/{Environment.GetEnvironmentVariable("ORDERS_MODE")}");

    private object? Parameter(string name) => TestContext.Properties.TryGetValue(name, out var value) ? value : null;
}
