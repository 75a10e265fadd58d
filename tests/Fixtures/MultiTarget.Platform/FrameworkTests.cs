using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace MultiTarget.Platform;

[TestClass]
public class FrameworkTests
{
    [TestMethod]
    public void Passes() => Assert.IsTrue(true);

    /// <summary>Passes in the net10.0 build only: the report must show one result per framework.</summary>
    [TestMethod]
    public void OnlyTheNewestFrameworkPasses()
    {
#if NET10_0_OR_GREATER
        Assert.IsTrue(true);
#else
        Assert.Fail("built for an older framework than net10.0");
#endif
    }
}
