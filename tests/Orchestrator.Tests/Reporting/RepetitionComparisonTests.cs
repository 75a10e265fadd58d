using Orchestrator.Model;
using Orchestrator.Reporting;
using Orchestrator.Results;
using Orchestrator.Results.Trx;
using Orchestrator.Security;
using Xunit;

namespace Orchestrator.Tests.Reporting;

/// <summary>Comparing a test's repetitions alone and alongside the other tests of its unit.</summary>
[Trait("Category", "Unit")]
public sealed class RepetitionComparisonTests
{
    private static readonly TestKey _selected = Sample.Key("Checkout.Pays_once");
    private static readonly TestKey _sibling = Sample.Key("Checkout.Refunds");

    [Theory]
    [InlineData(3, 3, 2, 3, RepetitionVerdict.IsolationProblem)]
    [InlineData(2, 3, 2, 3, RepetitionVerdict.Flaky)]
    [InlineData(3, 3, 3, 3, RepetitionVerdict.Stable)]
    [InlineData(0, 3, 0, 3, RepetitionVerdict.Failing)]
    [InlineData(0, 3, 3, 3, RepetitionVerdict.Flaky)]
    public void The_verdict_calls_a_failure_only_alongside_an_isolation_problem_and_any_failure_alone_flaky(int passedAlone, int alone, int passedAlongside, int alongside, RepetitionVerdict expected)
    {
        var none = new RepetitionDiagnosis([], TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

        var verdict = RepetitionComparison.VerdictOf([
            new ModeResults(RepetitionMode.Alone, passedAlone, alone, none),
            new ModeResults(RepetitionMode.Alongside, passedAlongside, alongside, none)]);

        Assert.Equal(expected, verdict);
    }

    [Theory]
    [InlineData(RepetitionMode.Alone)]
    [InlineData(RepetitionMode.Alongside)]
    public void A_single_mode_with_some_failures_is_flaky(RepetitionMode mode)
    {
        var none = new RepetitionDiagnosis([], TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

        Assert.Equal(RepetitionVerdict.Flaky, RepetitionComparison.VerdictOf([new ModeResults(mode, 1, 2, none)]));
    }

    [Fact]
    public void Each_mode_gets_its_pass_rate_failures_numbered_within_it_and_durations_and_siblings_are_not_compared()
    {
        // Three repetitions alone (0-2), then three alongside (3-5) where the sibling's state breaks two of them.
        var alone = Enumerable.Range(0, 3).Select(repetition => Unit(repetition, RepetitionMode.Alone, [_selected])).ToList();
        var alongside = Enumerable.Range(3, 3).Select(repetition => Unit(repetition, RepetitionMode.Alongside, [_selected, _sibling])).ToList();
        var record = Sample.WithResults(Sample.Record([.. alone, .. alongside]), [
            .. alone.Select(unit => Sample.Trx(Sample.Result(_selected, TrxOutcome.Passed, startSeconds: unit.Repetition * 20 + 1, milliseconds: 100))),
            .. alongside.Select(unit => Sample.Trx(
                Sample.Result(_sibling, TrxOutcome.Passed, startSeconds: unit.Repetition * 20 + 1),
                Sample.Result(_selected, unit.Repetition == 3 ? TrxOutcome.Passed : TrxOutcome.Failed, message: unit.Repetition == 3 ? null : "marker left set\n   at Pays_once()", startSeconds: unit.Repetition * 20 + 2, milliseconds: 300)))]) with
        {
            Repeat = new RepeatRecord(3, [RepetitionMode.Alone, RepetitionMode.Alongside], UntilFail: false, [_selected]),
        };
        var merged = ResultsMerger.Merge(record, ["unit"], QuarantineMatcher.None, false, new SecretRedactor());

        var comparison = Assert.Single(RepetitionComparison.Of(merged));

        Assert.Equal(RepetitionVerdict.IsolationProblem, comparison.Verdict);
        Assert.Equal([(RepetitionMode.Alone, 3, 3), (RepetitionMode.Alongside, 1, 3)], comparison.Modes.Select(mode => (mode.Mode, mode.Passed, mode.Total)));
        Assert.Equal([new RepetitionFailure("marker left set", 2, 1)], comparison.Modes[1].Diagnosis.Failures);
        Assert.Equal(TimeSpan.FromMilliseconds(100), comparison.Modes[0].Diagnosis.Max);
        Assert.Equal(TimeSpan.FromMilliseconds(300), comparison.Modes[1].Diagnosis.Median);
        Assert.Contains("passed 3 of 3 repetitions alone but only 1 of 3 alongside", comparison.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stopped_mode_names_how_far_it_got_and_its_first_failure_within_the_mode()
    {
        var units = Enumerable.Range(3, 2).Select(repetition => Unit(repetition, RepetitionMode.Alongside, [_selected])).ToList();
        var record = Sample.WithResults(Sample.Record(units), [
            Sample.Trx(Sample.Result(_selected, TrxOutcome.Passed, startSeconds: 61)),
            Sample.Trx(Sample.Result(_selected, TrxOutcome.Failed, message: "deadlock detected", startSeconds: 81))]) with
        {
            Repeat = new RepeatRecord(3, [RepetitionMode.Alone, RepetitionMode.Alongside], UntilFail: true, [_selected])
            {
                Stopped = [new StoppedEarly(RepetitionMode.Alongside, 2)],
            },
        };
        var merged = ResultsMerger.Merge(record, ["unit"], QuarantineMatcher.None, false, new SecretRedactor());

        var stop = Assert.Single(RepetitionStop.Of(merged));

        Assert.Equal($"alongside: stopped early (--until-fail) after 2 of 3 repetitions; first failure in repetition 2: {merged.Tests.Single().DisplayName}: deadlock detected", stop.Sentence);
    }

    [Fact]
    public void A_repetition_the_tool_could_not_start_is_not_run_with_its_reason_and_not_a_failure()
    {
        const string limit = "Redis instance 'redis' has no database left for another unit (63 are in use).";
        var started = Enumerable.Range(0, 2).Select(repetition => Unit(repetition, RepetitionMode.Alone, [_selected])).ToList();
        var unstarted = Sample.Unit("unit-none#1", [_selected], repetition: 2, exit: UnitExit.NotStarted, detail: limit, startSeconds: 40) with { Mode = RepetitionMode.Alone };
        var record = Sample.WithResults(Sample.Record([.. started, unstarted]), [
            .. started.Select(unit => Sample.Trx(Sample.Result(_selected, TrxOutcome.Passed, startSeconds: unit.Repetition * 20 + 1))),
            null]) with
        {
            Repeat = new RepeatRecord(3, [RepetitionMode.Alone], UntilFail: false, [_selected]),
        };
        var merged = ResultsMerger.Merge(record, ["unit"], QuarantineMatcher.None, false, new SecretRedactor());

        var comparison = Assert.Single(RepetitionComparison.Of(merged));

        Assert.Equal(RepetitionVerdict.Stable, comparison.Verdict);
        var alone = Assert.Single(comparison.Modes);
        Assert.Equal((2, 2), (alone.Passed, alone.Total));
        Assert.Contains(limit, Assert.Single(alone.NotStarted).Reason, StringComparison.Ordinal);
    }

    private static UnitRun Unit(int repetition, RepetitionMode mode, IReadOnlyList<TestKey> tests) =>
        Sample.Unit("unit-none#1", tests, repetition: repetition, startSeconds: repetition * 20) with { Mode = mode };
}
