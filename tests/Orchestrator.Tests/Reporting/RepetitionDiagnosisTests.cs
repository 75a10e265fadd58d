using Orchestrator.Model;
using Orchestrator.Reporting;
using Orchestrator.Results;
using Orchestrator.Results.Trx;
using Orchestrator.Security;
using Xunit;

namespace Orchestrator.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed class RepetitionDiagnosisTests
{
    private static readonly TestKey _test = Sample.Key("Checkout.Pays_once");

    [Fact]
    public void Distinct_failure_messages_are_counted_with_their_first_repetition_and_durations_are_spread_by_rank()
    {
        (TrxOutcome Outcome, string? Message, double Milliseconds)[] repetitions =
        [
            (TrxOutcome.Passed, null, 100),
            (TrxOutcome.Failed, "timeout waiting for the gateway\n   at Checkout.Pays_once()", 900),
            (TrxOutcome.Passed, null, 120),
            (TrxOutcome.Failed, "duplicate key value", 300),
            (TrxOutcome.Failed, "timeout waiting for the gateway\n   at Checkout.Pays_once() line 12", 800),
        ];
        var units = repetitions.Select((_, index) => Sample.Unit("unit-none#1", [_test], repetition: index, startSeconds: index * 20)).ToList();
        var record = Sample.WithResults(Sample.Record(units), [.. repetitions.Select((run, index) =>
            Sample.Trx(Sample.Result(_test, run.Outcome, message: run.Message, startSeconds: index * 20 + 1, milliseconds: run.Milliseconds)))]);
        var merged = ResultsMerger.Merge(record, ["unit"], QuarantineMatcher.None, false, new SecretRedactor()).Tests.Single();

        var diagnosis = RepetitionDiagnosis.Of(merged);

        Assert.Equal(
            [new RepetitionFailure("timeout waiting for the gateway", 2, 1), new RepetitionFailure("duplicate key value", 1, 3)],
            diagnosis.Failures);
        Assert.Equal(TimeSpan.FromMilliseconds(300), diagnosis.Median);
        Assert.Equal(TimeSpan.FromMilliseconds(900), diagnosis.P95);
        Assert.Equal(TimeSpan.FromMilliseconds(900), diagnosis.Max);
    }
}
