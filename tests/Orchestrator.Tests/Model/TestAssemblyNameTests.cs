using Orchestrator.Model;
using Xunit;

namespace Orchestrator.Tests.Model;

[Trait("Category", "Unit")]
public sealed class TestAssemblyNameTests
{
    private static readonly HashSet<string> s_multiTargeted = new(["Shop.Tests (net9.0)", "Shop.Tests (net10.0)", "Other.Tests"], StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void A_single_target_assembly_is_its_file_name_and_a_multi_target_one_carries_its_framework()
    {
        Assert.Equal("Shop.Tests", TestAssemblyName.Of("/repo/bin/Release/net10.0/Shop.Tests.dll"));
        Assert.Equal("Shop.Tests (net9.0)", TestAssemblyName.Of(@"C:\repo\bin\Release\net9.0\Shop.Tests.dll", "net9.0"));
        Assert.Equal("Shop.Tests", TestAssemblyName.Of("Shop.Tests.exe", ""));
    }

    [Theory]
    [InlineData("/repo/Shop.Tests/bin/Release/net9.0/Shop.Tests.dll", "net9.0")]
    [InlineData("/repo/artifacts/bin/Shop.Tests/release_net10.0/Shop.Tests.dll", "net10.0")]
    [InlineData(@"D:\a\repo\bin\Release\net10.0\linux-x64\Shop.Tests.dll", "net10.0")]
    [InlineData("/repo/artifacts/bin/shop.tests/release_net9.0/shop.tests.dll", "net9.0")]
    [InlineData("/repo/bin/Release/net8.0/Shop.Tests.dll", null)]
    [InlineData("/repo/bin/Release/net9.0/Other.Tests.dll", null)]
    public void A_result_path_finds_the_planned_framework_in_its_folders(string source, string? framework) =>
        Assert.Equal(framework, TestAssemblyName.FrameworkIn(source, s_multiTargeted));

    [Fact]
    public void Reports_name_a_test_with_the_framework_of_its_key_only_when_it_has_one()
    {
        Assert.Equal("Shop.Tests.Cart.Adds (net9.0)", TestAssemblyName.Qualified("Shop.Tests.Cart.Adds", new TestKey("Shop.Tests (net9.0)", "Shop.Tests.Cart.Adds")));
        Assert.Equal("Shop.Tests.Cart.Adds", TestAssemblyName.Qualified("Shop.Tests.Cart.Adds", new TestKey("Shop.Tests", "Shop.Tests.Cart.Adds")));
        Assert.Null(TestAssemblyName.FrameworkOf("Shop.Tests"));
        Assert.Equal("net10.0-windows", TestAssemblyName.FrameworkOf("Shop.Tests (net10.0-windows)"));
    }
}
