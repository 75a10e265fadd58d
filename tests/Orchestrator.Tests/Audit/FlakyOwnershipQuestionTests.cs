using Orchestrator.Audit;
using Xunit;

namespace Orchestrator.Tests.Audit;

[Trait("Category", "Unit")]
public sealed class FlakyOwnershipQuestionTests
{
    [Fact]
    public void Nothing_quarantined_is_yes()
    {
        Assert.Equal(AuditAnswer.Yes, FlakyOwnershipQuestion.Evaluate(AuditSample.Facts()).Answer);
    }

    [Fact]
    public void Entries_with_owner_reason_and_an_expiry_still_to_come_are_yes()
    {
        const string json = """
            { "cadences": { "pr": { "layers": ["unit"], "resources": [], "quarantine": [
              { "test": "App.Flaky.*", "owner": "payments", "reason": "race in the gateway fake", "expires": "2027-01-31" }
            ] } } }
            """;

        var item = FlakyOwnershipQuestion.Evaluate(AuditSample.Facts(json));

        Assert.Equal(AuditAnswer.Yes, item.Answer);
        Assert.Equal("'App.Flaky.*' in 'pr': owner payments, until 2027-01-31", Assert.Single(item.Evidence).Detail);
    }

    [Fact]
    public void A_plain_pattern_and_an_expired_entry_are_no_each_at_its_line()
    {
        const string json = """
            {
              "cadences": {
                "pr": {
                  "layers": ["unit"], "resources": [],
                  "quarantine": [
                    "App.Untracked.*",
                    { "test": "App.Old.*", "owner": "payments", "reason": "race", "expires": "2026-11-30" },
                    { "test": "App.Fine.*", "owner": "payments", "reason": "race", "expires": "2027-01-31" }
                  ]
                }
              }
            }
            """;

        var item = FlakyOwnershipQuestion.Evaluate(AuditSample.Facts(json));

        Assert.Equal(AuditAnswer.No, item.Answer);
        Assert.Equal("2 of 3 quarantine entries are not tracked.", item.Finding);
        Assert.Equal(
            [
                ("'App.Untracked.*' in 'pr': no owner, no reason, no expiry date", AuditSample.LineOf(json, "App.Untracked")),
                ("'App.Old.*' in 'pr': its quarantine ran out on 2026-11-30", AuditSample.LineOf(json, "App.Old")),
            ],
            item.Evidence.Select(evidence => (evidence.Detail, evidence.Line!.Value)));
    }
}
