using System.Globalization;
using Orchestrator.Model;

namespace Orchestrator.Audit;

/// <summary>Are the tests tagged and separated by layer: the share of tests whose layer comes from a trait, their project or a rule, not the default.</summary>
internal static class LayerTaggingQuestion
{
    public const string Id = "layers-tagged";
    private const string Question = "Are tests tagged and separated by layer (unit / integration / e2e)?";

    public static AuditItem Evaluate(AuditFacts facts)
    {
        if (facts.Inventory is not { Tests.Count: > 0 } inventory)
        {
            return new AuditItem(Id, Question, AuditAnswer.Unknown,
                facts.InventoryMissing ?? "No test was discovered.",
                [.. facts.Inventory?.Problems.Select(problem => new AuditEvidence($"{problem.Subject}: {problem.Message}")) ?? []],
                "Build the test projects ('orchestrator build') so their tests can be discovered, then audit again.");
        }
        var tests = inventory.Tests;
        var defaulted = tests.Where(test => test.LayerOrigin == TraitOrigin.Default).ToList();
        var byOrigin = Enum.GetValues<TraitOrigin>().Where(origin => origin != TraitOrigin.Default)
            .Select(origin => (origin, count: tests.Count(test => test.LayerOrigin == origin)))
            .Where(pair => pair.count > 0)
            .Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.count} from a {pair.origin.ToString().ToLowerInvariant()}"));
        var declared = tests.Count - defaulted.Count;
        var share = string.Create(CultureInfo.InvariantCulture,
            $"{declared} of {tests.Count} tests ({Percent(declared, tests.Count)}) have a layer of their own ({string.Join(", ", byOrigin.DefaultIfEmpty("none"))})");
        var perLayer = tests.GroupBy(test => test.Layer, StringComparer.Ordinal).OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new AuditEvidence(string.Create(CultureInfo.InvariantCulture, $"layer '{group.Key}': {group.Count()} tests")));
        if (defaulted.Count == 0)
        {
            return new AuditItem(Id, Question, AuditAnswer.Yes, share + ".", [.. perLayer], null);
        }
        var perProject = defaulted
            .GroupBy(test => test.ProjectPath ?? test.SourcePath, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new AuditEvidence(
                string.Create(CultureInfo.InvariantCulture, $"{group.Count()} tests take the default layer '{facts.Configuration.DefaultLayer}', e.g. {group.First().Key.FullyQualifiedName}"),
                group.Key));
        return new AuditItem(Id, Question, AuditAnswer.No,
            string.Create(CultureInfo.InvariantCulture, $"{share}; {defaulted.Count} take the default layer '{facts.Configuration.DefaultLayer}'."),
            [.. perProject, .. perLayer],
            $"Give each of these tests its layer: a [Trait(\"{facts.Configuration.Traits.Layer}\", \"Integration\")] (or category) on the class, <OrchestratorLayer> in its project file, or a rule in {facts.ConfigurationPath}.");
    }

    private static string Percent(int part, int whole) => (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + " %";
}
