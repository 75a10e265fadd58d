using Orchestrator.Planning;
using Xunit;

namespace Orchestrator.Tests.Architecture;

/// <summary>
/// The core stays pure: processes, the Docker engine and their libraries live in Orchestrator.Runtime and
/// Orchestrator.Docker. The build already refuses banned symbols (BannedSymbols.txt); this checks the result.
/// </summary>
[Trait("Category", "Unit")]
public sealed class CoreBoundaryTests
{
    [Theory]
    [InlineData("CliWrap")]
    [InlineData("Docker.DotNet")]
    [InlineData("System.Diagnostics.Process")]
    [InlineData("Orchestrator.Runtime")]
    [InlineData("Orchestrator.Docker")]
    public void The_core_assembly_does_not_reference(string assembly)
    {
        var referenced = typeof(TestPlan).Assembly.GetReferencedAssemblies().Select(name => name.Name);

        Assert.DoesNotContain(assembly, referenced);
    }

    [Fact]
    public void The_core_assembly_is_the_one_checked()
    {
        var referenced = typeof(TestPlan).Assembly.GetReferencedAssemblies().Select(name => name.Name).ToList();

        Assert.Equal("Orchestrator", typeof(TestPlan).Assembly.GetName().Name);
        Assert.Contains("System.Runtime", referenced);
    }
}
