using Orchestrator.Discovery;
using Xunit;

namespace Orchestrator.Cli.Tests.Discovery;

[Trait("Category", "Unit")]
public sealed class AssemblyFrameworkTests
{
    [Fact]
    public void The_framework_is_read_from_a_built_assembly_and_a_file_that_is_no_assembly_has_none()
    {
        var text = Path.Combine(AppContext.BaseDirectory, "xunit.runner.json");

        Assert.Equal("net10.0", AssemblyFramework.Read(typeof(AssemblyFrameworkTests).Assembly.Location));
        Assert.True(File.Exists(text));
        Assert.Null(AssemblyFramework.Read(text));
    }

    [Theory]
    [InlineData(".NETCoreApp,Version=v9.0", "net9.0")]
    [InlineData(".NETCoreApp,Version=v3.1", "netcoreapp3.1")]
    [InlineData(".NETFramework,Version=v4.7.2", "net472")]
    [InlineData(".NETStandard,Version=v2.0", "netstandard2.0")]
    [InlineData("Silverlight,Version=v5.0", null)]
    [InlineData(".NETCoreApp", null)]
    public void Framework_names_become_the_monikers_projects_use(string name, string? moniker) =>
        Assert.Equal(moniker, AssemblyFramework.Moniker(name));
}
