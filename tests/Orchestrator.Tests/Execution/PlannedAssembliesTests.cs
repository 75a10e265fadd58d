using Orchestrator.Execution;
using Orchestrator.Model;
using Orchestrator.Results.Trx;
using Orchestrator.Security;
using Xunit;

namespace Orchestrator.Tests.Execution;

[Trait("Category", "Unit")]
public sealed class PlannedAssembliesTests
{
    private const string Net9 = "/repo/artifacts/bin/Shop.Tests/release_net9.0/Shop.Tests.dll";
    private const string Net10 = "/repo/artifacts/bin/Shop.Tests/release_net10.0/Shop.Tests.dll";

    private static readonly PlannedAssemblies s_planned = new([
        new TestKey("Shop.Tests (net9.0)", "Shop.Tests.Cart.Adds"),
        new TestKey("Shop.Tests (net10.0)", "Shop.Tests.Cart.Adds"),
        new TestKey("Api.Tests", "Api.Tests.Health.Ok"),
    ]);

    private static LiveTestResult Live(string source, TestResultOutcome outcome) =>
        new("Shop.Tests.Cart.Adds", "Shop.Tests.Cart.Adds", source, outcome, TimeSpan.FromMilliseconds(5), null);

    [Fact]
    public void Streamed_results_of_each_build_land_on_their_framework_s_key_and_show_it()
    {
        var net9 = s_planned.Keyed(Live(Net9, TestResultOutcome.Failed));
        var net10 = s_planned.Keyed(Live(Net10, TestResultOutcome.Passed));

        Assert.Equal("Shop.Tests.Cart.Adds (net9.0)", net9.QualifiedDisplayName);
        var results = UnitResultReader.FromLive([net9, net10], DateTimeOffset.UnixEpoch, new SecretRedactor());
        Assert.Equal(
            [(new TestKey("Shop.Tests (net9.0)", "Shop.Tests.Cart.Adds"), TrxOutcome.Failed), (new TestKey("Shop.Tests (net10.0)", "Shop.Tests.Cart.Adds"), TrxOutcome.Passed)],
            results.Select(result => (result.Key, result.Outcome)));
    }

    [Fact]
    public void A_trx_result_is_keyed_by_its_code_base_and_a_single_target_one_stays_as_read()
    {
        var read = UnitResultReader.FromLive([Live(Net9, TestResultOutcome.Passed)], DateTimeOffset.UnixEpoch, new SecretRedactor())[0];
        Assert.Equal("Shop.Tests", read.Key.Assembly);

        Assert.Equal(new TestKey("Shop.Tests (net9.0)", "Shop.Tests.Cart.Adds"), s_planned.Keyed(read).Key);
        var single = read with { Key = new TestKey("Api.Tests", "Api.Tests.Health.Ok"), Definition = read.Definition with { CodeBase = "/repo/bin/Release/net10.0/Api.Tests.dll" } };
        Assert.Same(single, s_planned.Keyed(single));
        Assert.Equal("Api.Tests", s_planned.AssemblyOf("/repo/bin/Release/net10.0/Api.Tests.dll"));
        Assert.Equal("Shop.Tests (net10.0)", s_planned.AssemblyOf(Net10.ToLowerInvariant()));
    }
}
