using Xunit;

namespace MultiTarget.Tests;

public class FrameworkTests
{
    [Fact]
    public void Passes() => Assert.True(true);

    /// <summary>Passes in the net10.0 build only: the report must show one result per framework.</summary>
    [Fact]
    public void OnlyTheNewestFrameworkPasses()
    {
#if NET10_0_OR_GREATER
        Assert.True(true);
#else
        Assert.Fail("built for an older framework than net10.0");
#endif
    }
}
