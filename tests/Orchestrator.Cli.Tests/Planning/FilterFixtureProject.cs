using System.Collections.Immutable;
using CliWrap;
using CliWrap.Buffered;
using Orchestrator.Configuration;
using Orchestrator.Fixtures;
using Orchestrator.Model;
using Orchestrator.Planning;
using Xunit;

namespace Orchestrator.Cli.Tests.Planning;

/// <summary>
/// The fixture project tests/Fixtures/Fixture.Selection.Tests, built by the main build and listed in place. Its
/// tests carry several resource values and names that exercise the filter grammar: nested classes, theories,
/// generic methods.
/// </summary>
public sealed class FilterFixtureProject : IDisposable
{
    private const string Assembly = "Fixture.Selection.Tests";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("orchestrator-filter-fixture-");

    public string AssemblyPath { get; } = PrebuiltFixture.Assembly(Assembly);

    /// <summary>The tests of the project as discovery reports them (one per fully qualified name).</summary>
    public TestInventory Inventory { get; } = new(
    [
        Test("Fixture.Suite.Plain.Adds", "unit", "Unit"),
        Test("Fixture.Suite.Plain.Subtracts", "unit", "Unit"),
        Test("Fixture.Suite.Untagged.Defaults", "unit", category: null),
        Test("Fixture.Suite.Outer+Inner.Nested", "integration", "Integration"),
        Test("Fixture.Suite.Outer+Inner.NestedToo", "integration", "Integration"),
        Test("Fixture.Suite.Db.Reads", "integration", "Integration", "postgres"),
        Test("Fixture.Suite.Db.Rows", "integration", "Integration", "postgres"),
        Test("Fixture.Suite.Db.Generic", "integration", "Integration", "postgres"),
        Test("Fixture.Suite.Db.Writes", "integration", "Integration", "postgres"),
        Test("Fixture.Suite.Joined.Syncs", "integration", "Integration", "postgres", "redis"),
        Test("Fixture.Suite.Joined.Replays", "integration", "Integration", "postgres", "redis"),
        Test("Fixture.Suite.Cache.Hits", "integration", "Integration", "redis"),
        Test("Fixture.Suite.Queue.Publishes", "integration", "Integration", "rabbitmq"),
        Test("Fixture.Suite.Browser.Checks", "e2e", "E2E", "postgres", "redis", "rabbitmq"),
    ], []);

    /// <summary>A configuration whose nightly cadence selects every test of the project.</summary>
    public static OrchestratorConfiguration Configuration { get; } = new()
    {
        Cadences = new Dictionary<string, CadenceDefinition>
        {
            ["nightly"] = new("nightly", ["unit", "integration", "e2e"], ["postgres", "redis", "rabbitmq"]),
        }.ToImmutableDictionary(),
    };

    /// <summary><see cref="Inventory"/> with every test in the built assembly, as discovery locates it.</summary>
    public TestInventory LocatedInventory => Inventory with { Tests = [.. Inventory.Tests.Select(test => test with { SourcePath = AssemblyPath })] };

    /// <summary>Lists every unit's filter with the real test platform and asserts it selects exactly the unit's tests.</summary>
    public async Task AssertEachUnitSelectsExactlyItsTestsAsync(TestPlan plan)
    {
        Assert.Equal(Inventory.Tests.Count, plan.SelectedTestCount);
        foreach (var unit in plan.Units)
        {
            var listed = await ListAsync(unit.Filter, CancellationToken.None);

            var expected = unit.Tests.Select(test => test.FullyQualifiedName).Order(StringComparer.Ordinal);
            Assert.True(
                expected.SequenceEqual(listed.Order(StringComparer.Ordinal)),
                $"Unit {unit.Id} with filter '{unit.Filter}' should list [{string.Join(", ", expected)}] but listed [{string.Join(", ", listed.Order(StringComparer.Ordinal))}].");
        }
    }

    /// <summary>Fully qualified names <c>dotnet test --list-tests --filter</c> lists for <paramref name="filter"/>.</summary>
    public async Task<IReadOnlySet<string>> ListAsync(string filter, CancellationToken ct)
    {
        var list = await CliWrap.Cli.Wrap("dotnet")
            .WithArguments(["test", AssemblyPath, "--list-tests", "--filter", filter])
            .WithWorkingDirectory(_root.FullName)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(ct);
        if (list.ExitCode != 0)
        {
            throw new InvalidOperationException($"Listing with filter '{filter}' failed ({list.ExitCode}):\n{list.StandardOutput}\n{list.StandardError}");
        }
        return ListedDisplayNames(list.StandardOutput).Select(FullyQualifiedName).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The display names in the output of <c>dotnet test --list-tests</c>.</summary>
    public static IEnumerable<string> ListedDisplayNames(string output) =>
        output.Split('\n')
            .SkipWhile(line => !line.Contains("The following Tests are available", StringComparison.Ordinal))
            .Skip(1)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0);

    public void Dispose() => _root.Delete(recursive: true);

    /// <summary>xunit lists display names: the name, then type arguments or theory data (<c>Db.Rows(value: 1)</c>, <c>Db.Generic&lt;Int32&gt;(…)</c>).</summary>
    private static string FullyQualifiedName(string displayName)
    {
        var cut = displayName.IndexOfAny(['(', '<']);
        return cut < 0 ? displayName : displayName[..cut];
    }

    private static DiscoveredTest Test(string name, string layer, string? category, params string[] resources)
    {
        var traits = new List<TestTrait>();
        if (category is not null)
        {
            traits.Add(new TestTrait("Category", category));
        }
        traits.AddRange(resources.Select(resource => new TestTrait("Resource", resource)));
        return new DiscoveredTest(
            new TestKey(Assembly, name),
            name,
            Path.Combine(Path.GetTempPath(), "unused", Assembly + ".dll"),
            null,
            layer,
            ResourceSet.Of(resources),
            traits,
            category is null ? TraitOrigin.Default : TraitOrigin.Trait,
            TraitOrigin.Trait);
    }
}
