using CliWrap;
using CliWrap.Buffered;
using Orchestrator.Model;
using Orchestrator.TestingPlatform;
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
        // Five tests each, and the runsettings test of the two applications that read runsettings.
        Assert.Equal(4 * 5 + 2, fixtures.Inventory.Tests.Count);
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

    [Theory]
    [InlineData("Mstest", true)]
    [InlineData("Nunit", true)]
    [InlineData("Xunit", false)]
    [InlineData("Tunit", false)]
    public async Task An_application_is_taken_to_read_runsettings_exactly_when_its_help_offers_settings(string framework, bool reads)
    {
        var application = fixtures.Test(framework, "Fails").SourcePath;

        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var help = await global::CliWrap.Cli.Wrap("dotnet").WithArguments([application, "--help"]).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(deadline.Token);

        Assert.Equal(reads, help.StandardOutput.Contains("--settings", StringComparison.Ordinal));
        Assert.Equal(reads, TestingPlatformUnitRunner.ReadsRunSettings(application));
    }
}
