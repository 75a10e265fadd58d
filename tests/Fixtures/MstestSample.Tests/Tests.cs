using Microsoft.VisualStudio.TestTools.UnitTesting;
[assembly: DoNotParallelize]
namespace MstestSample;
[TestClass]
public class PaymentTests
{
    [TestMethod, TestCategory("E2E"), TestCategory("Nightly"), TestProperty("Resource", "redis"), TestProperty("Resource", "rabbitmq")]
    public void Pays() { }

    [TestMethod, DataRow(1), DataRow(2)]
    public void Rounds(int value) => Assert.IsTrue(value > 0);

    [TestMethod]
    public void Flaky() => Assert.IsTrue(Behaviour.NotFirstAttempt("mstest-vstest"), "fails on its first attempt on purpose");
}
