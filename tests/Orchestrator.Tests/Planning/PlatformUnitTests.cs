using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.Model;
using Orchestrator.Planning;
using Xunit;
using static Orchestrator.Tests.Planning.Inventories;

namespace Orchestrator.Tests.Planning;

[Trait("Category", "Unit")]
public sealed class PlatformUnitTests
{
    private static readonly OrchestratorConfiguration _config = new()
    {
        Cadences = ImmutableDictionary<string, CadenceDefinition>.Empty.Add("commit", new("commit", ["unit"], [])),
        Parallelism = new ParallelismSettings(1, 1, TimeSpan.FromMinutes(10), 1) { PackBelow = TimeSpan.Zero },
    };

    private static DiscoveredTest Application(string name, params string[] caseIds) =>
        Test(name, assembly: "Modern.Tests") with { Runner = TestRunnerKind.MicrosoftTestingPlatform, CaseIds = caseIds, CaseCount = caseIds.Length };

    [Fact]
    public void A_partition_holding_both_platforms_becomes_one_unit_per_platform()
    {
        var inventory = Of(Test("Old.A"), Test("Old.B"), Application("New.A", "uid-1", "uid-2"), Application("New.B", "uid-3"));

        var units = Planner.Plan(inventory, _config, "commit", TimingHistory.Empty).Units.ToList();

        Assert.Equal(2, units.Count);
        var vsTest = Assert.Single(units, unit => unit.Runner == TestRunnerKind.VSTest);
        Assert.Equal(["Old.A", "Old.B"], vsTest.Tests.Select(test => test.FullyQualifiedName));
        Assert.Empty(vsTest.CaseIds);
        var platform = Assert.Single(units, unit => unit.Runner == TestRunnerKind.MicrosoftTestingPlatform);
        Assert.Equal(["New.A", "New.B"], platform.Tests.Select(test => test.FullyQualifiedName));
        Assert.Equal(["uid-1", "uid-2", "uid-3"], platform.CaseIds.Select(caseId => caseId.Id));
        Assert.Equal(3, platform.ExpectedResults);
        Assert.Equal(["New.A", "New.A", "New.B"], platform.CaseIds.Select(caseId => caseId.Test.FullyQualifiedName));
        Assert.NotEqual(vsTest.Id, platform.Id);
    }

    [Fact]
    public void The_builds_of_a_project_built_for_several_frameworks_become_one_unit_each_with_the_single_target_tests_in_the_first()
    {
        DiscoveredTest Built(string name, string framework) =>
            Test(name, assembly: $"Shop.Tests ({framework})") with { SourcePath = $"/repo/artifacts/bin/Shop.Tests/release_{framework}/Shop.Tests.dll" };
        var inventory = Of(Built("Shop.A", "net9.0"), Built("Shop.A", "net10.0"), Test("Api.A", assembly: "Api.Tests"));

        var units = Planner.Plan(inventory, _config, "commit", TimingHistory.Empty).Units.ToList();

        Assert.Equal(2, units.Count);
        Assert.Equal(
            [["/repo/artifacts/bin/Api.Tests/Api.Tests.dll", "/repo/artifacts/bin/Shop.Tests/release_net10.0/Shop.Tests.dll"], ["/repo/artifacts/bin/Shop.Tests/release_net9.0/Shop.Tests.dll"]],
            units.Select(unit => unit.Sources));
        Assert.Equal([new TestKey("Shop.Tests (net9.0)", "Shop.A")], units[1].Tests);
    }
}
