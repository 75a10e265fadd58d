using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Platform.TestConfig;

[TestClass]
public sealed class Checks
{
    [TestMethod, TestCategory("Unit")]
    public void Passes() => Assert.AreEqual(2, 1 + 1);

    // Skipped by default; failed where the application's testconfig.json sets mstest.execution.mapInconclusiveToFailed.
    [TestMethod, TestCategory("Unit")]
    public void Inconclusive() => Assert.Inconclusive("inconclusive on purpose");
}
