using System.Globalization;

namespace Orchestrator.Audit;

/// <summary>Can the suite run ten consecutive times at 100 %: read from the outcomes of the latest runs.</summary>
internal static class ConsecutiveRunsQuestion
{
    public const string Id = "consecutive-runs";
    public const int Needed = 10;
    private const string Question = "Can the suite run 10 consecutive times at 100 %?";
    private const string RecordHistory =
        "Record history: every run records its outcomes unless the configuration's history section turns it off (keep .orchestrator/history.db in the CI cache, or point history.postgres at a team database); until 10 runs are recorded, 'orchestrator run --repeat 10' shows whether the suite passes 10 times in a row.";

    public static AuditItem Evaluate(AuditFacts facts)
    {
        if (facts.RecentRuns is not { IsEmpty: false } runs)
        {
            return new AuditItem(Id, Question, AuditAnswer.Unknown, "The history holds no run (it is off, empty or unreadable): the audit cannot tell how the last runs ended.", [], RecordHistory);
        }
        if (runs.Length < Needed)
        {
            return new AuditItem(Id, Question, AuditAnswer.Unknown,
                string.Create(CultureInfo.InvariantCulture, $"Only {runs.Length} runs are recorded; {Needed} are needed."),
                [.. runs.Select(Evidence)], RecordHistory);
        }
        var latest = runs[^Needed..];
        var failed = latest.Where(run => !run.AllPassed).ToList();
        return failed.Count == 0
            ? new AuditItem(Id, Question, AuditAnswer.Yes, string.Create(CultureInfo.InvariantCulture, $"The last {Needed} runs all passed every test."), [.. latest.Select(Evidence)], null)
            : new AuditItem(Id, Question, AuditAnswer.No,
                string.Create(CultureInfo.InvariantCulture, $"{failed.Count} of the last {Needed} runs did not pass every test."),
                [.. failed.Select(Evidence)],
                "Fix or quarantine (with an owner and an expiry) the tests that failed in those runs; 'orchestrator run --repeat N' shows each unstable test's failure messages.");
    }

    private static AuditEvidence Evidence(RecentRun run) =>
        new(string.Create(CultureInfo.InvariantCulture, $"run {run.Id}: {run.Passed} passed, {run.Failed} failed{(run.AllPassed ? "" : " — not at 100 %")}"));
}
