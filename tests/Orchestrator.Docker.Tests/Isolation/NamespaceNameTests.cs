using Orchestrator.Docker.Isolation;
using Xunit;

namespace Orchestrator.Docker.Tests.Isolation;

[Trait("Category", "Unit")]
public sealed class NamespaceNameTests
{
    [Theory]
    [InlineData("integration/postgres+redis")]
    [InlineData("2-E2E.Partition")]
    [InlineData("")]
    [InlineData("a-very-long-partition-identifier-that-goes-on-and-on-and-on-beyond-any-limit")]
    public void Names_are_safe_identifiers_starting_with_a_letter(string partitionId)
    {
        var name = NamespaceName.For(partitionId);

        Assert.Matches("^[a-z][a-z0-9_]*$", name);
        Assert.InRange(name.Length, 2, 63);
    }

    [Fact]
    public void The_same_partition_gets_a_fresh_name_each_time()
    {
        var names = Enumerable.Range(0, 50).Select(_ => NamespaceName.For("integration/postgres")).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, name => Assert.StartsWith("integration_postgres_", name, StringComparison.Ordinal));
    }
}
