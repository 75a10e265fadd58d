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

    /// <summary>Eleven rows that hang when asked (FIXTURE_HANG=1): a unit of them ends before it reports any.</summary>
    [TestMethod, TestCategory("E2E"), TestProperty("Resource", "postgres")]
    [DataRow(1), DataRow(2), DataRow(3), DataRow(4), DataRow(5), DataRow(6), DataRow(7), DataRow(8), DataRow(9), DataRow(10), DataRow(11)]
    public void Waits(int row) { Behaviour.HangWhenAsked(); Assert.IsTrue(row > 0); }

    [TestMethod]
    public void Flaky() => Assert.IsTrue(Behaviour.NotFirstAttempt("mstest-vstest"), "fails on its first attempt on purpose");
}
