using Orchestrator.Model;
using Xunit;

namespace Orchestrator.Cli.Tests.TestingPlatform;

[Trait("Category", "Integration")]
public sealed class TestingPlatformDiscoveryTests(PlatformFixtures fixtures) : IClassFixture<PlatformFixtures>
{
    public static TheoryData<string> Frameworks => [.. PlatformFixtures.Frameworks];

    [Fact]
    public void Discovery_of_the_applications_has_no_problem()
    {
        Assert.Empty(fixtures.Inventory.Problems);
        Assert.Equal(4 * 5, fixtures.Inventory.Tests.Count);
        Assert.All(fixtures.Inventory.Tests, test => Assert.Equal(TestRunnerKind.MicrosoftTestingPlatform, test.Runner));
    }

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void Each_framework_reports_layer_and_resources_from_its_own_traits(string framework)
    {
        var saves = fixtures.Test(framework, "Saves");
        Assert.Equal(("integration", TraitOrigin.Trait), (saves.Layer, saves.LayerOrigin));
        var expected = framework == "Xunit" ? ResourceSet.Of("postgres", "redis") : ResourceSet.Of("postgres");
        Assert.Equal((expected, TraitOrigin.Trait), (saves.Resources, saves.ResourcesOrigin));

        var fails = fixtures.Test(framework, "Fails");
        Assert.Equal(("unit", TraitOrigin.Trait), (fails.Layer, fails.LayerOrigin));
        Assert.Equal(ResourceSet.None, fails.Resources);
    }

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void Cases_of_a_parameterised_test_with_quotes_and_parentheses_share_its_name_and_keep_their_own_ids(string framework)
    {
        var quoted = fixtures.Test(framework, "Quoted");

        Assert.Equal(2, quoted.CaseCount);
        Assert.Equal(2, quoted.CaseIds.Distinct(StringComparer.Ordinal).Count());
        Assert.Single(fixtures.Test(framework, "Fails").CaseIds);
    }
}
