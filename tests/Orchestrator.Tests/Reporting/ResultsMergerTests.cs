using Orchestrator.Reporting;
using Orchestrator.Results;
using Orchestrator.Results.Trx;
using Orchestrator.Security;
using Xunit;

namespace Orchestrator.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed class ResultsMergerTests
{
    private static MergedRun Merge(RunRecord record, IReadOnlyList<IReadOnlyList<TestCaseResult>?> trx, bool flakyFailsBuild = false, string[]? quarantine = null, SecretRedactor? redactor = null) =>
        ResultsMerger.Merge(Sample.WithResults(record, trx), ["unit", "integration", "e2e"], new QuarantineMatcher(quarantine ?? []), flakyFailsBuild, redactor ?? new SecretRedactor());

    [Fact]
    public void A_test_that_failed_then_passed_on_a_retry_is_flaky_with_both_attempts_kept()
    {
        var key = Sample.Key("Calc.Adds");
        var first = Sample.Unit("unit-none#1", [key], exit: UnitExit.TestsFailed);
        var retry = Sample.Unit("unit-none#1", [key], attempt: 1, startSeconds: 20);

        var run = Merge(Sample.Record([first, retry]), [
            Sample.Trx(Sample.Result(key, TrxOutcome.Failed, message: "boom")),
            Sample.Trx(Sample.Result(key, TrxOutcome.Passed, startSeconds: 21))]);

        var test = Assert.Single(run.Tests);
        Assert.Equal(TestOutcome.Flaky, test.Outcome);
        Assert.Equal([0, 1], test.Attempts.Select(attempt => attempt.Unit.Attempt));
        Assert.Equal(0.5, test.PassRate);
        Assert.Equal((0, 0, 1), (run.Verdict.Passed, run.Verdict.Failed, run.Verdict.Flaky));
        Assert.Equal("1 passed, 0 failed, 0 skipped", run.Verdict.SummaryLine);
        Assert.Equal(0, run.Verdict.ExitCode);
    }

    [Fact]
    public void A_test_that_failed_on_every_attempt_is_failed()
    {
        var key = Sample.Key("Calc.Broken");
        var run = Merge(
            Sample.Record([Sample.Unit("u", [key], exit: UnitExit.TestsFailed), Sample.Unit("u", [key], attempt: 1, exit: UnitExit.TestsFailed)]),
            [Sample.Trx(Sample.Result(key, TrxOutcome.Failed, message: "first")), Sample.Trx(Sample.Result(key, TrxOutcome.Failed, message: "second"))]);

        var test = Assert.Single(run.Tests);
        Assert.Equal(TestOutcome.Failed, test.Outcome);
        Assert.Equal("second", test.FailureMessage);
        Assert.Equal(1, run.Verdict.ExitCode);
    }

    [Fact]
    public void An_expected_test_without_a_result_is_not_run_with_the_cause_of_its_unit()
    {
        var ran = Sample.Key("Calc.Adds");
        var lost = Sample.Key("Calc.AfterCrash");
        var unit = Sample.Unit("u", [ran, lost], exit: UnitExit.Crashed, detail: "exit code 134");

        var run = Merge(Sample.Record([unit]), [Sample.Trx(Sample.Result(ran, TrxOutcome.Passed))]);

        var notRun = Assert.Single(run.Tests, test => test.Key == lost);
        Assert.Equal(TestOutcome.NotRun, notRun.Outcome);
        Assert.Equal("not run: test host crashed (exit code 134)", notRun.FailureMessage);
        Assert.Equal((1, 0, 1), (run.Verdict.Passed, run.Verdict.Failed, run.Verdict.NotRun));
        Assert.Equal("1 passed, 1 failed, 0 skipped", run.Verdict.SummaryLine);
        Assert.Equal(1, run.Verdict.ExitCode);
    }

    [Fact]
    public void A_unit_without_any_trx_leaves_all_its_tests_not_run()
    {
        var keys = new[] { Sample.Key("A.One"), Sample.Key("A.Two") };
        var unit = Sample.Unit("u", keys, exit: UnitExit.NotStarted, detail: "postgres never became ready");

        var run = Merge(Sample.Record([unit]), [null]);

        Assert.All(run.Tests, test => Assert.Equal("not run: the unit could not start (postgres never became ready)", test.FailureMessage));
        Assert.Equal(2, run.Verdict.NotRun);
    }

    [Fact]
    public void A_test_that_ran_in_a_retry_after_a_crash_is_not_reported_as_not_run()
    {
        var key = Sample.Key("A.One");
        var crashed = Sample.Unit("u", [key], exit: UnitExit.Crashed, detail: "exit code 134");
        var retry = Sample.Unit("u", [key], attempt: 1, startSeconds: 30);

        var run = Merge(Sample.Record([crashed, retry]), [null, Sample.Trx(Sample.Result(key, TrxOutcome.Passed))]);

        Assert.Equal(TestOutcome.Passed, Assert.Single(run.Tests).Outcome);
        Assert.Equal(0, run.Verdict.ExitCode);
    }

    [Fact]
    public void The_same_test_id_for_different_tests_in_different_units_is_made_unique()
    {
        var one = Sample.Key("A.One", "First.Tests");
        var two = Sample.Key("A.Two", "Second.Tests");
        var run = Merge(
            Sample.Record([Sample.Unit("u1", [one]), Sample.Unit("u2", [two])]),
            [Sample.Trx(Sample.Result(one, TrxOutcome.Passed, testId: "same")), Sample.Trx(Sample.Result(two, TrxOutcome.Passed, testId: "same"))]);

        var ids = run.Tests.Select(test => test.TestId).ToList();
        Assert.Equal(2, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("same", ids);
    }

    [Fact]
    public void Theory_rows_are_separate_cases_that_share_the_scheduled_key()
    {
        var key = Sample.Key("Calc.Rows");
        var run = Merge(
            Sample.Record([Sample.Unit("u", [key], exit: UnitExit.TestsFailed)]),
            [Sample.Trx(
                Sample.Result(key, TrxOutcome.Passed, displayName: "App.Tests.Calc.Rows(x: 1)"),
                Sample.Result(key, TrxOutcome.Failed, displayName: "App.Tests.Calc.Rows(x: 2)", message: "row 2"))]);

        Assert.Equal(2, run.Tests.Count());
        Assert.All(run.Tests, test => Assert.Equal(key, test.Key));
        Assert.Equal((1, 1), (run.Verdict.Passed, run.Verdict.Failed));
    }

    [Fact]
    public void A_quarantined_failure_is_counted_as_quarantined_and_does_not_fail_the_build()
    {
        var flakyNetwork = Sample.Key("Network.Retries");
        var fine = Sample.Key("Calc.Adds");
        var run = Merge(
            Sample.Record([Sample.Unit("u", [flakyNetwork, fine], exit: UnitExit.TestsFailed)]),
            [Sample.Trx(Sample.Result(flakyNetwork, TrxOutcome.Failed, message: "timeout"), Sample.Result(fine, TrxOutcome.Passed))],
            quarantine: ["App.Tests.Network.*"]);

        Assert.True(Assert.Single(run.Tests, test => test.Key == flakyNetwork).Quarantined);
        Assert.Equal((1, 0, 1), (run.Verdict.Passed, run.Verdict.Failed, run.Verdict.Quarantined));
        Assert.Equal("1 passed, 0 failed, 0 skipped", run.Verdict.SummaryLine);
        Assert.Equal(0, run.Verdict.ExitCode);
    }

    [Fact]
    public void A_flaky_test_fails_the_build_only_when_the_policy_says_so()
    {
        var key = Sample.Key("A.One");
        var record = Sample.Record([Sample.Unit("u", [key], exit: UnitExit.TestsFailed), Sample.Unit("u", [key], attempt: 1)]);
        IReadOnlyList<IReadOnlyList<TestCaseResult>?> trx = [Sample.Trx(Sample.Result(key, TrxOutcome.Failed, message: "x")), Sample.Trx(Sample.Result(key, TrxOutcome.Passed))];

        Assert.Equal(0, Merge(record, trx, flakyFailsBuild: false).Verdict.ExitCode);
        Assert.Equal(1, Merge(record, trx, flakyFailsBuild: true).Verdict.ExitCode);
    }

    [Fact]
    public void Repetitions_report_each_tests_pass_rate()
    {
        var key = Sample.Key("A.Sometimes");
        var run = Merge(
            Sample.Record([Sample.Unit("u", [key]), Sample.Unit("u", [key], repetition: 1, exit: UnitExit.TestsFailed), Sample.Unit("u", [key], repetition: 2)]),
            [Sample.Trx(Sample.Result(key, TrxOutcome.Passed)), Sample.Trx(Sample.Result(key, TrxOutcome.Failed, message: "no")), Sample.Trx(Sample.Result(key, TrxOutcome.Passed))]);

        var test = Assert.Single(run.Tests);
        Assert.Equal(3, run.Repetitions);
        Assert.Equal([TestOutcome.Passed, TestOutcome.Failed, TestOutcome.Passed], test.RepetitionOutcomes);
        Assert.Equal(2, test.PassedRepetitions);
        Assert.Equal(TestOutcome.Flaky, test.Outcome);
    }

    [Fact]
    public void An_incomplete_run_fails_even_when_every_test_passed()
    {
        var key = Sample.Key("A.One");
        var run = Merge(Sample.Record([Sample.Unit("u", [key])], incomplete: true), [Sample.Trx(Sample.Result(key, TrxOutcome.Passed))]);

        Assert.True(run.Verdict.Incomplete);
        Assert.Equal(1, run.Verdict.ExitCode);
    }

    [Fact]
    public void Skipped_tests_are_counted_as_skipped_and_do_not_fail()
    {
        var key = Sample.Key("A.Later");
        var run = Merge(Sample.Record([Sample.Unit("u", [key])]), [Sample.Trx(Sample.Result(key, TrxOutcome.NotExecuted, message: "not today"))]);

        Assert.Equal("0 passed, 0 failed, 1 skipped", run.Verdict.SummaryLine);
        Assert.Equal(0, run.Verdict.ExitCode);
    }

    [Fact]
    public void Secrets_are_removed_from_exit_details_and_not_run_reasons()
    {
        const string secret = "s3cr3t-pa55word";
        var redactor = new SecretRedactor();
        redactor.Register(secret);
        var key = Sample.Key("Db.Connects");
        var lost = Sample.Key("Db.Lost");
        var unit = Sample.Unit("u", [key, lost], exit: UnitExit.Crashed, detail: $"Password={secret}");

        // The results' own texts were redacted when the unit's results were read (see UnitResultReaderTests).
        var run = Merge(Sample.Record([unit]), [Sample.Trx(Sample.Result(key, TrxOutcome.Failed, message: "login failed"))], redactor: redactor);

        Assert.All(run.Record.Units, u => Assert.DoesNotContain(secret, u.ExitDetail ?? "", StringComparison.Ordinal));
        Assert.Contains(run.Tests, test => test.FailureMessage == "not run: test host crashed (Password=***)");
    }

    [Fact]
    public void Nunit_cases_keep_the_key_with_their_arguments_when_that_is_how_they_were_scheduled()
    {
        var first = new Orchestrator.Model.TestKey("Nu", "Nu.Sample.CalcTests.Rows(1)");
        var second = new Orchestrator.Model.TestKey("Nu", "Nu.Sample.CalcTests.Rows(2)");
        static TestCaseResult Row(Orchestrator.Model.TestKey key, TrxOutcome outcome) =>
            Sample.Result(new Orchestrator.Model.TestKey("Nu", "Nu.Sample.CalcTests.Rows"), outcome, displayName: key.FullyQualifiedName[(key.FullyQualifiedName.LastIndexOf('.') + 1)..]) is var result
                ? result with { Definition = result.Definition with { MethodName = key.FullyQualifiedName[(key.FullyQualifiedName.LastIndexOf('.') + 1)..] } }
                : throw new InvalidOperationException();

        var run = Merge(
            Sample.Record([Sample.Unit("u", [first, second], exit: UnitExit.TestsFailed)]),
            [Sample.Trx(Row(first, TrxOutcome.Passed), Row(second, TrxOutcome.Failed))]);

        Assert.Equal(TestOutcome.Passed, Assert.Single(run.Tests, test => test.Key == first).Outcome);
        Assert.Equal(TestOutcome.Failed, Assert.Single(run.Tests, test => test.Key == second).Outcome);
        Assert.Equal(0, run.Verdict.NotRun);
    }
}
