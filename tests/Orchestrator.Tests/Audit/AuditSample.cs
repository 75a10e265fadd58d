using System.Collections.Immutable;
using Orchestrator.Audit;
using Orchestrator.Configuration;
using Orchestrator.Model;

namespace Orchestrator.Tests.Audit;

/// <summary>Facts for one question: a configuration text (its lines are the evidence's), plus what a test sets with <c>with</c>.</summary>
internal static class AuditSample
{
    public const string ConfigurationFile = "orchestrator.json";

    public static AuditFacts Facts(string json = "{}") => new()
    {
        Configuration = ConfigurationLoader.Parse(json, ConfigurationFile),
        ConfigurationPath = ConfigurationFile,
        ConfigurationLines = ConfigurationLoader.LinesOf(json),
        Today = new DateOnly(2026, 12, 7),
    };

    /// <summary>The 1-based line of the first line of <paramref name="text"/> that contains <paramref name="fragment"/>.</summary>
    public static int LineOf(string text, string fragment)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, line => line.Contains(fragment, StringComparison.Ordinal));
        return index >= 0 ? index + 1 : throw new ArgumentException($"'{fragment}' is not in the text.", nameof(fragment));
    }

    public static DiscoveredTest Test(string name, TraitOrigin layerOrigin, string layer = "unit", string project = "/repo/tests/App.Tests/App.Tests.csproj") =>
        new(new TestKey("App.Tests", name), name, "/repo/artifacts/bin/App.Tests.dll", project, layer, ResourceSet.None, [], layerOrigin, TraitOrigin.Default);

    public static TestInventory Inventory(params DiscoveredTest[] tests) => new([.. tests], []);

    public static ImmutableArray<RecentRun> Runs(params bool[] passed) =>
        [.. passed.Select((allPassed, index) => new RecentRun($"run-{index + 1}", allPassed ? 10 : 9, allPassed ? 0 : 1))];
}
