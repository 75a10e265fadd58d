using System.Globalization;
using Orchestrator.Configuration;

namespace Orchestrator.Audit;

/// <summary>Are flaky tests tracked with owners: every quarantine entry names an owner, a reason and an expiry date that has not passed.</summary>
internal static class FlakyOwnershipQuestion
{
    public const string Id = "flaky-tests-owned";
    private const string Question = "Are flaky tests tracked, each with an owner, a reason and an end date?";

    public static AuditItem Evaluate(AuditFacts facts)
    {
        var entries = facts.Configuration.Cadences.Values.OrderBy(cadence => cadence.Name, StringComparer.Ordinal)
            .SelectMany(cadence => cadence.QuarantineEntries.Select((entry, index) => (cadence: cadence.Name, entry,
                path: JsonPath.Index(JsonPath.Property(JsonPath.Property("$.cadences", cadence.Name), "quarantine"), index))))
            .ToList();
        if (entries.Count == 0)
        {
            return new AuditItem(Id, Question, AuditAnswer.Yes,
                "No test is quarantined: every failure fails the build, and each run's report names the flaky tests.", [], null);
        }
        var judged = entries.Select(item => (item, missing: Missing(item.entry, facts.Today))).ToList();
        var untracked = judged.Where(pair => pair.missing is not null).ToList();
        if (untracked.Count == 0)
        {
            return new AuditItem(Id, Question, AuditAnswer.Yes,
                string.Create(CultureInfo.InvariantCulture, $"Each of the {entries.Count} quarantine entries has an owner, a reason and an expiry date still to come."),
                [.. entries.Select(item => facts.At(item.path, $"'{item.entry.Test}' in '{item.cadence}': owner {item.entry.Owner}, until {item.entry.Expires:yyyy-MM-dd}"))], null);
        }
        return new AuditItem(Id, Question, AuditAnswer.No,
            string.Create(CultureInfo.InvariantCulture, $"{untracked.Count} of {entries.Count} quarantine entries are not tracked."),
            [.. untracked.Select(pair => facts.At(pair.item.path, $"'{pair.item.entry.Test}' in '{pair.item.cadence}': {pair.missing}"))],
            "Write each entry as { \"test\": \"…\", \"owner\": \"who fixes it\", \"reason\": \"why\", \"expires\": \"yyyy-mm-dd\" }, and fix or extend the ones that ran out.");
    }

    private static string? Missing(QuarantineEntry entry, DateOnly today)
    {
        var missing = new[] { (entry.Owner, "owner"), (entry.Reason, "reason") }.Where(pair => string.IsNullOrWhiteSpace(pair.Item1)).Select(pair => pair.Item2).ToList();
        if (entry.Expires is null)
        {
            missing.Add("expiry date");
        }
        if (missing.Count > 0)
        {
            return "no " + string.Join(", no ", missing);
        }
        return entry.HasExpired(today) ? string.Create(CultureInfo.InvariantCulture, $"its quarantine ran out on {entry.Expires:yyyy-MM-dd}") : null;
    }
}
