using System.Globalization;

namespace Orchestrator.Audit;

/// <summary>Is test code free of fixed waits: a <c>Thread.Sleep</c> or <c>Task.Delay</c> outside a polling loop is a guess at how long something takes.</summary>
internal static class TestWaitsQuestion
{
    public const string Id = "no-fixed-waits";
    private const string Question = "Is test code free of Thread.Sleep / Task.Delay waits?";

    public static AuditItem Evaluate(AuditFacts facts)
    {
        if (facts.TestProjects.IsEmpty)
        {
            return new AuditItem(Id, Question, AuditAnswer.Unknown, "No test project was found to scan.", [],
                "Build the test projects ('orchestrator build') so their manifests name them, or run the audit from the repository that holds them.");
        }
        var scanned = string.Create(CultureInfo.InvariantCulture, $"{facts.SourceFiles} C# files of {facts.TestProjects.Length} test projects");
        if (facts.Waits.IsEmpty)
        {
            return new AuditItem(Id, Question, AuditAnswer.Yes, $"No fixed wait in the {scanned}.",
                [.. facts.TestProjects.Select(project => new AuditEvidence("scanned", project))], null);
        }
        return new AuditItem(Id, Question, AuditAnswer.No,
            string.Create(CultureInfo.InvariantCulture, $"{facts.Waits.Length} fixed wait{(facts.Waits.Length == 1 ? "" : "s")} in the {scanned}."),
            [.. facts.Waits.Select(wait => new AuditEvidence($"{wait.Call} waits a fixed time", wait.File, wait.Line))],
            "Poll for the condition the test waits for, with a generous deadline, instead of sleeping (a delay inside a polling loop is not counted).");
    }
}
