using System.Collections.Immutable;
using Orchestrator.Discovery;
using Xunit;

namespace Orchestrator.Tests.Discovery;

[Trait("Category", "Unit")]
public sealed class RuntimeRequirementTests
{
    private static readonly IReadOnlyDictionary<string, ImmutableArray<Version>> OnlyTen = new Dictionary<string, ImmutableArray<Version>>
    {
        ["Microsoft.NETCore.App"] = [new Version(10, 0, 12)],
        ["Microsoft.AspNetCore.App"] = [new Version(10, 0, 12)],
    };

    private static RuntimeRequirement Needs(string version, string? rollForward = null, string framework = "Microsoft.NETCore.App") =>
        new([(framework, Version.Parse(version))], rollForward);

    [Fact]
    public void A_net9_host_on_a_machine_with_only_net10_is_missing_its_runtime_and_says_what_is_installed()
    {
        var missing = Assert.Single(Needs("9.0.0").Missing(OnlyTen, environmentRollForward: null));

        Assert.Equal("Microsoft.NETCore.App", missing.Name);
        Assert.Equal(new Version(9, 0, 0), missing.Version);
        Assert.Equal("Microsoft.NETCore.App 9.0.0 (roll-forward Minor; installed: 10.0.12)", missing.Description);
    }

    [Theory]
    [InlineData("Major", null)]
    [InlineData("LatestMajor", null)]
    [InlineData(null, "Major")]
    [InlineData("Disable", "Major")]
    public void Rolling_forward_to_a_newer_major_from_the_file_or_the_environment_lets_the_host_start(string? fromFile, string? fromEnvironment)
    {
        Assert.Empty(Needs("9.0.0", fromFile).Missing(OnlyTen, fromEnvironment));
    }

    [Theory]
    [InlineData("10.0.0", null, true)]
    [InlineData("10.0.12", "Disable", true)]
    [InlineData("10.0.3", "Disable", false)]
    [InlineData("10.0.13", "LatestPatch", false)]
    [InlineData("10.1.0", null, false)]
    [InlineData("8.0.0", "Minor", false)]
    public void Each_policy_serves_the_versions_the_dotnet_host_would_take(string wanted, string? policy, bool served)
    {
        Assert.Equal(served, Needs(wanted, policy).Missing(OnlyTen, environmentRollForward: null).Count == 0);
    }

    [Fact]
    public void A_framework_that_is_not_installed_at_all_is_missing_whatever_the_policy()
    {
        var missing = Assert.Single(Needs("10.0.0", "LatestMajor", "Microsoft.WindowsDesktop.App").Missing(OnlyTen, null));

        Assert.EndsWith("none installed)", missing.Description, StringComparison.Ordinal);
    }
}
