using Orchestrator.Configuration;
using Orchestrator.Reporting;
using Orchestrator.Security;
using Xunit;

namespace Orchestrator.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed class QuarantineExpiryTests
{
    private const string Json = """
        { "cadences": { "pr": { "layers": ["unit"], "resources": [], "quarantine": [
            "Legacy.*",
            { "test": "Shop.Tests.Checkout.Pays_once", "owner": "payments-team", "reason": "races the gateway stub, see #412", "expires": "2026-12-31" }
        ] } } }
        """;

    private static CadenceDefinition Pr() => ConfigurationLoader.Parse(Json, "orchestrator.json").Cadences["pr"];

    [Fact]
    public void Plain_patterns_and_entries_with_owner_reason_and_expiry_are_read_alike()
    {
        var pr = Pr();

        Assert.Equal(["Legacy.*", "Shop.Tests.Checkout.Pays_once"], pr.Quarantine.AsEnumerable());
        var entry = pr.QuarantineEntries[1];
        Assert.Equal(("payments-team", "races the gateway stub, see #412", new DateOnly(2026, 12, 31)), (entry.Owner, entry.Reason, entry.Expires));
        Assert.Null(pr.QuarantineEntries[0].Expires);
    }

    [Fact]
    public void On_its_last_day_an_entry_still_holds_and_the_day_after_it_no_longer_does_and_every_report_says_why()
    {
        var lastDay = ReportOptions.From(ConfigurationLoader.Parse(Json, "orchestrator.json"), Pr(), "results", null, new SecretRedactor(), new DateOnly(2026, 12, 31));
        var dayAfter = ReportOptions.From(ConfigurationLoader.Parse(Json, "orchestrator.json"), Pr(), "results", null, new SecretRedactor(), new DateOnly(2027, 1, 1));

        Assert.Equal(["Legacy.*", "Shop.Tests.Checkout.Pays_once"], lastDay.Quarantine.AsEnumerable());
        Assert.Empty(lastDay.Warnings);
        Assert.Equal(["Legacy.*"], dayAfter.Quarantine.AsEnumerable());
        var warning = Assert.Single(dayAfter.Warnings);
        Assert.Equal(
            "The quarantine of 'Shop.Tests.Checkout.Pays_once' (owner payments-team: races the gateway stub, see #412) in cadence 'pr' ran out on 2026-12-31: its failures fail the build again. Fix the test, or give the entry a later \"expires\" date.",
            warning);
    }

    [Theory]
    [InlineData("""{ "owner": "x" }""", "$.cadences.pr.quarantine[0]")]
    [InlineData("""{ "test": "A.*", "expires": "31/12/2026" }""", "$.cadences.pr.quarantine[0].expires")]
    [InlineData("""{ "test": "A.*", "until": "2026-12-31" }""", "$.cadences.pr.quarantine[0].until")]
    public void A_malformed_entry_names_its_path_and_the_fix(string entry, string path)
    {
        var json = $$"""{ "cadences": { "pr": { "layers": ["unit"], "resources": [], "quarantine": [{{entry}}] } } }""";

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(json, "orchestrator.json")).Errors.Single();

        Assert.Equal(path, error.Path);
    }
}
