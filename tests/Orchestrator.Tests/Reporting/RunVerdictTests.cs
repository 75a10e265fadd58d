using Orchestrator.Results;
using Xunit;

namespace Orchestrator.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed class RunVerdictTests
{
    [Theory]
    [InlineData(5, 0, 0, 0, false, false, 0)]
    [InlineData(5, 1, 0, 0, false, false, 1)]
    [InlineData(5, 0, 1, 0, false, false, 1)]
    [InlineData(5, 0, 0, 1, false, false, 0)]
    [InlineData(5, 0, 0, 1, true, false, 1)]
    [InlineData(5, 0, 0, 0, false, true, 1)]
    public void Exit_code_is_zero_only_when_nothing_failed_or_went_unrun(int passed, int failed, int notRun, int flaky, bool flakyFails, bool incomplete, int exitCode)
    {
        var verdict = new RunVerdict(passed, failed, flaky, Skipped: 2, notRun, Quarantined: 3, incomplete, flakyFails);

        Assert.Equal(exitCode, verdict.ExitCode);
    }

    [Fact]
    public void Summary_line_counts_flaky_as_passed_and_not_run_as_failed()
    {
        var verdict = new RunVerdict(Passed: 7, Failed: 2, Flaky: 1, Skipped: 3, NotRun: 4, Quarantined: 5, Incomplete: false, FlakyFailsBuild: false);

        Assert.Equal("8 passed, 6 failed, 3 skipped", verdict.SummaryLine);
        Assert.Equal(22, verdict.Total);
    }

    [Fact]
    public void The_reports_headline_counts_flaky_tests_apart_from_the_ones_that_passed_cleanly()
    {
        var flaky = new RunVerdict(Passed: 796, Failed: 0, Flaky: 1, Skipped: 0, NotRun: 0, Quarantined: 0, Incomplete: false, FlakyFailsBuild: false);
        var clean = flaky with { Passed = 797, Flaky = 0 };

        Assert.Equal("796 passed, 1 flaky, 0 failed, 0 skipped", flaky.Headline);
        Assert.Equal("797 passed, 0 failed, 0 skipped", flaky.SummaryLine);
        Assert.Equal(clean.SummaryLine, clean.Headline);
    }
}
