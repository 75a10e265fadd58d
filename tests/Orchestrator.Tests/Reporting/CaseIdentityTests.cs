using Orchestrator.Model;
using Orchestrator.Reporting;
using Orchestrator.Results;
using Orchestrator.Results.Trx;
using Orchestrator.Security;
using Xunit;

namespace Orchestrator.Tests.Reporting;

/// <summary>Every selected case counted once, by its identity: rows apart, cases without a result one by one, others' cases left to their unit.</summary>
[Trait("Category", "Unit")]
public sealed class CaseIdentityTests
{
    [Fact]
    public void Rows_of_one_theory_whose_display_names_coincide_are_separate_cases_by_their_ids()
    {
        var theory = Sample.Key("Calc.Adds");
        var unit = Sample.Unit("unit-none#1", [theory]);
        var intRow = Sample.Result(theory, TrxOutcome.Passed, displayName: "App.Tests.Calc.Adds(value: 3)", testId: "11111111-1111-1111-1111-111111111111");
        var longRow = Sample.Result(theory, TrxOutcome.Failed, displayName: "App.Tests.Calc.Adds(value: 3)", message: "long row", testId: "22222222-2222-2222-2222-222222222222");

        var run = ResultsMerger.Merge(Sample.WithResults(Sample.Record([unit]), [Sample.Trx(intRow, longRow)]), ["unit"], QuarantineMatcher.None, false, new SecretRedactor());

        Assert.Equal(2, run.Tests.Count());
        Assert.Equal((1, 1), (run.Verdict.Passed, run.Verdict.Failed));
    }

    [Fact]
    public void Results_one_case_reports_several_times_stay_apart_by_display_name()
    {
        var theory = Sample.Key("Calc.Adds");
        var unit = Sample.Unit("unit-none#1", [theory]);
        const string sameCase = "33333333-3333-3333-3333-333333333333";

        var run = ResultsMerger.Merge(
            Sample.WithResults(Sample.Record([unit]),
            [Sample.Trx(
                Sample.Result(theory, TrxOutcome.Passed, displayName: "App.Tests.Calc.Adds(value: 1)", testId: sameCase),
                Sample.Result(theory, TrxOutcome.Passed, displayName: "App.Tests.Calc.Adds(value: 2)", testId: sameCase))]),
            ["unit"], QuarantineMatcher.None, false, new SecretRedactor());

        Assert.Equal(2, run.Verdict.Passed);
    }

    [Fact]
    public void Each_nunit_test_case_without_a_result_is_reported_as_not_run_on_its_own()
    {
        var first = Sample.Key("Limits.Allows(\"api\")");
        var second = Sample.Key("Limits.Allows(\"partner \\\"Acme\\\" (sandbox)\")");
        var third = Sample.Key("Limits.Allows(\"batch\")");
        var unit = Sample.Unit("integration-redis#1", [first, second, third], exit: UnitExit.Crashed, detail: "exit code 134");

        var run = ResultsMerger.Merge(Sample.WithResults(Sample.Record([unit]), [Sample.Trx(Sample.Result(first, TrxOutcome.Passed))]), ["unit"], QuarantineMatcher.None, false, new SecretRedactor());

        Assert.Equal(3, run.Tests.Count());
        Assert.Equal((1, 2), (run.Verdict.Passed, run.Verdict.NotRun));
        Assert.Equal([third, second], run.Tests.Where(test => test.Outcome == TestOutcome.NotRun).Select(test => test.Key).Order(TestKey.Ordinal));
    }

    [Fact]
    public void Cases_of_a_method_a_unit_was_not_asked_for_are_left_to_the_unit_that_runs_them()
    {
        // The unit selected Allows("a \"quoted\"") by its method, so the adapter ran the method's other case too.
        var ours = Sample.Key("Limits.Allows(\"a \\\"quoted\\\"\")");
        var theirs = Sample.Key("Limits.Allows(\"b\")");
        var unit = Sample.Unit("integration-redis#1", [ours]);

        var run = ResultsMerger.Merge(
            Sample.WithResults(Sample.Record([unit]),
            [Sample.Trx(Sample.Result(ours, TrxOutcome.Passed), Sample.Result(theirs, TrxOutcome.Failed, message: "not this unit's"))]),
            ["unit"], QuarantineMatcher.None, false, new SecretRedactor());

        var test = Assert.Single(run.Tests);
        Assert.Equal(ours, test.Key);
        Assert.Equal(TestOutcome.Passed, test.Outcome);
    }
    private static TestCaseRow[] Rows(TestKey test, int count, string name) =>
        [.. Enumerable.Range(1, count).Select(row => new TestCaseRow(test, $"{row:D8}-0000-0000-0000-{test.GetHashCode() & 0xFFFF:D12}", $"{name}(row: {row})"))];

    [Fact]
    public void Every_row_of_a_unit_that_ended_before_reporting_any_is_not_run_on_its_own()
    {
        var theory = Sample.Key("Orders.Waits");
        var dataRows = Sample.Key("Payments.Waits", assembly: "Pay.Tests");
        var unit = Sample.Unit("e2e-postgres#1", [theory, dataRows], exit: UnitExit.TimedOut, detail: "unit timeout") with
        {
            ExpectedRows = [.. Rows(theory, 11, "App.Tests.Orders.Waits"), .. Rows(dataRows, 11, "Waits")],
        };

        var run = ResultsMerger.Merge(Sample.Record([unit]), ["unit"], QuarantineMatcher.None, false, new SecretRedactor());

        Assert.Equal(22, run.Verdict.NotRun);
        Assert.Equal(22, run.Tests.Select(test => test.DisplayName).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(run.Tests, test => test.DisplayName == "App.Tests.Orders.Waits(row: 11)");
        Assert.Contains(run.Tests, test => test.DisplayName == "App.Tests.Payments.Waits(row: 7)");
        Assert.All(run.Tests, test => Assert.StartsWith("not run: ", test.FailureMessage, StringComparison.Ordinal));
    }

    [Fact]
    public void Rows_of_a_theory_without_a_result_are_not_run_one_by_one_beside_the_rows_that_reported()
    {
        var theory = Sample.Key("Orders.Waits");
        var rows = Rows(theory, 3, "App.Tests.Orders.Waits");
        var unit = Sample.Unit("unit-none#1", [theory], exit: UnitExit.Crashed, detail: "exit code 134") with { ExpectedRows = rows };
        var first = Sample.Result(theory, TrxOutcome.Passed, displayName: rows[0].DisplayName, testId: rows[0].Id);

        var run = ResultsMerger.Merge(Sample.WithResults(Sample.Record([unit]), [Sample.Trx(first)]), ["unit"], QuarantineMatcher.None, false, new SecretRedactor());

        Assert.Equal((1, 2), (run.Verdict.Passed, run.Verdict.NotRun));
        Assert.Equal([rows[1].DisplayName, rows[2].DisplayName], run.Tests.Where(test => test.Outcome == TestOutcome.NotRun).Select(test => test.DisplayName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_nunit_case_is_matched_by_its_id_when_the_trx_escaped_a_character_outside_the_basic_multilingual_plane()
    {
        var planned = Sample.Key("Party.Celebrates(\"🎉\")");
        var row = new TestCaseRow(planned, "4595ae8c-6308-0564-46e0-d31a6824cfb0", "Celebrates(\"🎉\")");
        var unit = Sample.Unit("unit-none#1", [planned]) with { ExpectedRows = [row] };
        var escaped = Sample.Result(Sample.Key("Party.Celebrates(\"\\ud83c\\udf89\")"), TrxOutcome.Passed, displayName: "Celebrates(\"\\ud83c\\udf89\")", testId: row.Id)
            with { Key = Sample.Key("Party.Celebrates") };

        var run = ResultsMerger.Merge(Sample.WithResults(Sample.Record([unit]), [Sample.Trx(escaped)]), ["unit"], QuarantineMatcher.None, false, new SecretRedactor());

        var test = Assert.Single(run.Tests);
        Assert.Equal((planned, TestOutcome.Passed), (test.Key, test.Outcome));
        Assert.Equal(0, run.Verdict.NotRun);
    }
}
