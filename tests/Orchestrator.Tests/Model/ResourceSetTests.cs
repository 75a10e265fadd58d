using Orchestrator.Model;
using Xunit;

namespace Orchestrator.Tests.Model;

[Trait("Category", "Unit")]
public sealed class ResourceSetTests
{
    [Fact]
    public void Sets_with_the_same_members_are_equal_whatever_the_order_and_case()
    {
        var left = ResourceSet.Of("Redis", "postgres");
        var right = ResourceSet.Of("POSTGRES", "redis", "redis");

        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.Equal("postgres+redis", left.ToString());
    }

    [Fact]
    public void The_empty_set_is_named_none_and_is_a_subset_of_anything()
    {
        var empty = ResourceSet.Of(" ", "");

        Assert.Same(ResourceSet.None, empty);
        Assert.Equal("none", empty.ToString());
        Assert.True(empty.IsSubsetOf([]));
    }

    [Fact]
    public void A_set_is_not_a_subset_when_one_member_is_not_allowed()
    {
        var needs = ResourceSet.Of("postgres", "rabbitmq");

        Assert.False(needs.IsSubsetOf(["postgres"]));
        Assert.True(needs.IsSubsetOf(["RabbitMQ", "postgres", "redis"]));
    }
}
