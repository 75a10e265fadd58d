using Orchestrator.Configuration;
using Orchestrator.Execution;
using Orchestrator.Model;
using Orchestrator.Results;
using Orchestrator.Security;
using Xunit;

namespace Orchestrator.Tests.Execution;

[Trait("Category", "Unit")]
public sealed class UnitExitClassifierTests
{
    private static readonly TimeoutSettings Timeouts = new(TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30));

    private static LiveTestResult Result(string name, TestResultOutcome outcome) => new(name, name, "/bin/A.dll", outcome, TimeSpan.Zero, null);

    private static UnitEnding Ending(int? exitCode, IReadOnlyList<LiveTestResult>? trx, params string[] lines)
    {
        var output = new UnitOutput();
        foreach (var line in lines)
        {
            output.Add(line);
        }
        var results = trx is null ? null : UnitResultReader.FromLive(trx, DateTimeOffset.UnixEpoch, new SecretRedactor());
        return new UnitEnding(exitCode, Cancelled: false, TimedOut: false, output, results, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Exit_code_0_is_Passed()
    {
        var (exit, _) = UnitExitClassifier.Classify(Ending(0, [Result("A.B", TestResultOutcome.Passed)]), Timeouts);

        Assert.Equal(UnitExit.Passed, exit);
    }

    [Fact]
    public void Exit_code_1_with_failures_in_the_trx_is_TestsFailed()
    {
        var (exit, detail) = UnitExitClassifier.Classify(Ending(1, [Result("A.B", TestResultOutcome.Failed), Result("A.C", TestResultOutcome.Passed)]), Timeouts);

        Assert.Equal(UnitExit.TestsFailed, exit);
        Assert.Contains("1 test result(s) failed", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Aborted_run_is_Crashed_and_names_the_test_that_was_running()
    {
        var ending = Ending(
            1,
            [],
            "The active test run was aborted. Reason: Test host process crashed : Process terminated.",
            "The test running when the crash occurred: ",
            "My.Tests.Crashes",
            "Test Run Aborted.");

        var (exit, detail) = UnitExitClassifier.Classify(ending, Timeouts);

        Assert.Equal(UnitExit.Crashed, exit);
        Assert.Contains("Test host process crashed", detail, StringComparison.Ordinal);
        Assert.Contains("My.Tests.Crashes", detail, StringComparison.Ordinal);
    }

    private static readonly TestKey[] Planned = [new("App.Tests", "App.Tests.Unit.Unit_a"), new("App.Tests", "App.Tests.Unit.Unit_b"), new("App.Tests", "App.Tests.Unit.Unit_c_crash")];

    private static UnitEnding Crash(params string[] stack) =>
        Ending(1, [], ["The active test run was aborted. Reason: Test host process crashed : Process terminated.", "fixture crash on purpose", .. stack, "Test Run Aborted."])
            with { UnfinishedTest = "App.Tests.Unit.Unit_a", PlannedTests = Planned };

    [Fact]
    public void A_crash_is_blamed_on_the_planned_test_whose_method_is_on_the_hosts_stack_not_on_the_last_start_that_arrived()
    {
        var ending = Crash(
            "   at System.Environment.FailFast(System.String)",
            "   at App.Tests.Unit.Unit_c_crash()",
            "   at System.Reflection.MethodBaseInvoker.InterpretedInvoke_Method(System.Object, IntPtr*)");

        var (exit, detail) = UnitExitClassifier.Classify(ending, Timeouts);

        Assert.Equal(UnitExit.Crashed, exit);
        Assert.Contains("while running App.Tests.Unit.Unit_c_crash (its method is on the host's crash stack)", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Unit_a", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("   at App.Tests.Unit+<Unit_c_crash>d__3.MoveNext()")]
    [InlineData("   at App.Tests.Unit.<Unit_c_crash>d__3.MoveNext() in /src/Unit.cs:line 12")]
    [InlineData("   at App.Tests.Unit+<>c.<Unit_c_crash>b__3_0(System.Object)")]
    [InlineData("   at App.Tests.Unit.Unit_c_crash(Int32 row) in /src/Unit.cs:line 12")]
    public void An_async_lambda_or_parameterised_frame_names_its_test(string frame)
    {
        var (_, detail) = UnitExitClassifier.Classify(Crash("   at System.Environment.FailFast(System.String)", frame), Timeouts);

        Assert.Contains("while running App.Tests.Unit.Unit_c_crash (its method", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crash_whose_stack_names_no_planned_test_is_said_to_come_after_the_last_start_that_arrived()
    {
        var ending = Crash("   at System.Environment.FailFast(System.String)", "   at App.Helpers.Explode()") with { Output = OutputOf("Failed App.Tests.Unit.Unit_b", "   at App.Tests.Unit.Unit_b() in /src/Unit.cs:line 9") };
        foreach (var line in new[] { "The active test run was aborted. Reason: Test host process crashed : Process terminated.", "   at App.Helpers.Explode()" })
        {
            ending.Output.Add(line);
        }

        var (exit, detail) = UnitExitClassifier.Classify(ending, Timeouts);

        Assert.Equal(UnitExit.Crashed, exit);
        // Unit_b's frame belongs to its own failure, printed before the host died.
        Assert.Contains("after App.Tests.Unit.Unit_a started (the last test start that reached the orchestrator", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("while running", detail, StringComparison.Ordinal);
    }

    private static UnitOutput OutputOf(params string[] lines)
    {
        var output = new UnitOutput();
        foreach (var line in lines)
        {
            output.Add(line);
        }
        return output;
    }

    [Fact]
    public void Blame_hang_message_is_Hung_even_though_vstest_calls_it_a_crash()
    {
        var ending = Ending(
            1,
            [],
            "The active test run was aborted. Reason: Test host process crashed",
            "Data collector 'Blame' message: The specified inactivity time of 60 seconds has elapsed. Collecting hang dumps from testhost and its child processes.");

        var (exit, detail) = UnitExitClassifier.Classify(ending, Timeouts);

        Assert.Equal(UnitExit.Hung, exit);
        Assert.Contains("60 s", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_trx_with_a_non_zero_exit_is_Crashed_with_the_last_words()
    {
        var (exit, detail) = UnitExitClassifier.Classify(Ending(134, null, "Segmentation fault"), Timeouts);

        Assert.Equal(UnitExit.Crashed, exit);
        Assert.Contains("134", detail, StringComparison.Ordinal);
        Assert.Contains("Segmentation fault", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeout_and_cancellation_win_over_whatever_the_killed_process_printed()
    {
        var killed = Ending(137, null, "Test Run Aborted.");

        Assert.Equal(UnitExit.TimedOut, UnitExitClassifier.Classify(killed with { TimedOut = true }, Timeouts).Exit);
        Assert.Equal(UnitExit.Cancelled, UnitExitClassifier.Classify(killed with { Cancelled = true }, Timeouts).Exit);
    }

    [Fact]
    public void A_unit_timeout_names_the_configuration_key_that_raises_it()
    {
        var (_, detail) = UnitExitClassifier.Classify(Ending(137, null) with { TimedOut = true }, Timeouts);

        Assert.Contains("timeouts.unitSeconds", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("timeouts.unit ", detail, StringComparison.Ordinal);
    }
}
