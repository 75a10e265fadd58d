using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Platform.Mstest;

[TestClass]
public sealed class Orders
{
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
}
