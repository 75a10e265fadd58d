using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.Discovery;
using Orchestrator.Model;
using Xunit;

namespace Orchestrator.Tests.Discovery;

[Trait("Category", "Unit")]
public sealed class TestClassifierTests
{
    private static readonly OrchestratorConfiguration s_configuration = new()
    {
        Resources = ImmutableDictionary<string, ResourceDefinition>.Empty
            .Add("postgres", new ResourceDefinition { Name = "postgres", Kind = ResourceKind.Postgres })
            .Add("redis", new ResourceDefinition { Name = "redis", Kind = ResourceKind.Redis }),
    };

    private static DiscoveredCase Case(string name, params (string Name, string Value)[] traits) =>
        new(name, name, "/bin/App.Tests.dll", [.. traits.Select(trait => new TestTrait(trait.Name, trait.Value))], []);

    private static TestProjectManifest Manifest(string? layer, params string[] resources) =>
        new("/src/App.Tests/App.Tests.csproj", "App.Tests", "net10.0", "/bin/App.Tests.dll", "Release",
            TestRunnerKind.VSTest, layer, [.. resources], "/artifacts/manifest.json");

    private static TestInventory Classify(OrchestratorConfiguration configuration, TestProjectManifest? manifest, params DiscoveredCase[] cases) =>
        new TestClassifier(configuration).Classify([new AssemblyCases("/bin/App.Tests.dll", manifest, cases)]);

    [Fact]
    public void A_project_built_for_several_frameworks_has_keys_per_framework_and_a_single_target_one_keeps_its_name()
    {
        TestProjectManifest For(string framework) => Manifest(null) with { TargetFramework = framework, TargetPath = $"/bin/{framework}/App.Tests.dll" };
        var single = Manifest(null) with { ProjectPath = "/src/Api.Tests/Api.Tests.csproj", ProjectName = "Api.Tests", TargetPath = "/bin/net10.0/Api.Tests.dll" };

        var inventory = new TestClassifier(s_configuration).Classify([
            new AssemblyCases("/bin/net9.0/App.Tests.dll", For("net9.0"), [Case("App.T.A")]),
            new AssemblyCases("/bin/net10.0/App.Tests.dll", For("net10.0"), [Case("App.T.A")]),
            new AssemblyCases("/bin/net10.0/Api.Tests.dll", single, [Case("Api.T.B")]),
        ]);

        Assert.Equal(
            [new TestKey("Api.Tests", "Api.T.B"), new TestKey("App.Tests (net10.0)", "App.T.A"), new TestKey("App.Tests (net9.0)", "App.T.A")],
            inventory.Tests.Select(test => test.Key).Order(TestKey.Ordinal));
    }

    [Fact]
    public void Builds_of_one_name_given_without_manifests_are_keyed_by_the_framework_read_from_each()
    {
        var inventory = new TestClassifier(s_configuration).Classify([
            new AssemblyCases("/bin/net9.0/App.Tests.dll", null, [Case("App.T.A")], "net9.0"),
            new AssemblyCases("/bin/net10.0/App.Tests.dll", null, [Case("App.T.A")], "net10.0"),
            new AssemblyCases("/bin/net10.0/Api.Tests.dll", null, [Case("Api.T.B")], "net10.0"),
        ]);

        Assert.DoesNotContain(inventory.Problems, problem => problem.Severity == ProblemSeverity.Error);
        Assert.Equal(
            [new TestKey("Api.Tests", "Api.T.B"), new TestKey("App.Tests (net10.0)", "App.T.A"), new TestKey("App.Tests (net9.0)", "App.T.A")],
            inventory.Tests.Select(test => test.Key).Order(TestKey.Ordinal));
    }

    [Theory]
    [InlineData("net10.0", "net10.0", "both are built for net10.0")]
    [InlineData(null, "net10.0", "no framework read from them tells them apart")]
    public void Assemblies_of_one_name_that_no_framework_tells_apart_are_an_error_naming_both(string? first, string? second, string reason)
    {
        var inventory = new TestClassifier(s_configuration).Classify([
            new AssemblyCases("/one/App.Tests.dll", null, [Case("App.T.A")], first),
            new AssemblyCases("/two/App.Tests.dll", null, [Case("App.T.A")], second),
        ]);

        var error = Assert.Single(inventory.Problems, problem => problem.Severity == ProblemSeverity.Error);
        Assert.Contains("'/one/App.Tests.dll' and '/two/App.Tests.dll'", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Traits_give_layer_and_every_resource_value_case_insensitively()
    {
        var inventory = Classify(s_configuration, null,
            Case("App.OrderTests.Saves", ("category", "INTEGRATION"), ("Resource", "Postgres"), ("resource", "redis")));

        var test = Assert.Single(inventory.Tests);
        Assert.Equal("integration", test.Layer);
        Assert.Equal(ResourceSet.Of("postgres", "redis"), test.Resources);
        Assert.Equal(TraitOrigin.Trait, test.LayerOrigin);
        Assert.Equal(TraitOrigin.Trait, test.ResourcesOrigin);
        Assert.Empty(inventory.Problems);
    }

    [Fact]
    public void Categories_are_read_as_layer_candidates_and_other_values_are_ignored()
    {
        var testCase = new DiscoveredCase("App.T.A", "A", "/bin/App.Tests.dll", [], ["Slow", "E2E"]);

        var test = Assert.Single(Classify(s_configuration, null, testCase).Tests);

        Assert.Equal("e2e", test.Layer);
        Assert.Contains(new TestTrait(TestClassifier.CategoryTraitName, "Slow"), test.Traits);
    }

    [Fact]
    public void Project_declarations_fill_in_and_merge_with_test_resources()
    {
        var inventory = Classify(s_configuration, Manifest("Integration", "postgres"),
            Case("App.T.Plain"),
            Case("App.T.WithRedis", ("Resource", "redis")));

        var plain = inventory.Tests.Single(test => test.Key.FullyQualifiedName == "App.T.Plain");
        var withRedis = inventory.Tests.Single(test => test.Key.FullyQualifiedName == "App.T.WithRedis");
        Assert.Equal(("integration", TraitOrigin.Project), (plain.Layer, plain.LayerOrigin));
        Assert.Equal((ResourceSet.Of("postgres"), TraitOrigin.Project), (plain.Resources, plain.ResourcesOrigin));
        Assert.Equal(ResourceSet.Of("postgres", "redis"), withRedis.Resources);
        Assert.Equal("/src/App.Tests/App.Tests.csproj", plain.ProjectPath);
    }

    [Fact]
    public void First_matching_rule_applies_to_tests_without_traits_and_traits_win_unless_override()
    {
        var configuration = s_configuration with
        {
            Rules =
            [
                new TestRule { Namespace = "App.Data*", Layer = "integration", Resources = ["postgres"] },
                new TestRule { Class = "*Tests", Layer = "e2e" },
                new TestRule { Test = "Forced*", Layer = "e2e", Resources = ["redis"], Override = true },
            ],
        };

        var inventory = Classify(configuration, null,
            Case("App.Data.Sql.RepoTests.Reads"),
            Case("App.Data.Sql.RepoTests.Tagged", ("Category", "Unit")),
            Case("App.Web.PageTests.Renders"),
            Case("App.Web.Page.ForcedOne", ("Category", "Unit"), ("Resource", "postgres")));

        var byName = inventory.Tests.ToDictionary(test => test.Key.FullyQualifiedName);
        Assert.Equal(("integration", TraitOrigin.Rule), (byName["App.Data.Sql.RepoTests.Reads"].Layer, byName["App.Data.Sql.RepoTests.Reads"].LayerOrigin));
        Assert.Equal(ResourceSet.Of("postgres"), byName["App.Data.Sql.RepoTests.Reads"].Resources);
        Assert.Equal(("unit", TraitOrigin.Trait), (byName["App.Data.Sql.RepoTests.Tagged"].Layer, byName["App.Data.Sql.RepoTests.Tagged"].LayerOrigin));
        Assert.Equal("e2e", byName["App.Web.PageTests.Renders"].Layer);
        Assert.Equal(("e2e", TraitOrigin.Rule), (byName["App.Web.Page.ForcedOne"].Layer, byName["App.Web.Page.ForcedOne"].LayerOrigin));
        Assert.Equal((ResourceSet.Of("redis"), TraitOrigin.Rule), (byName["App.Web.Page.ForcedOne"].Resources, byName["App.Web.Page.ForcedOne"].ResourcesOrigin));
    }

    [Fact]
    public void Tests_without_a_layer_get_the_default_and_one_counted_warning()
    {
        var inventory = Classify(s_configuration, null, Case("App.T.A"), Case("App.T.B", ("Category", "Slow")), Case("App.T.C", ("Category", "Unit")));

        Assert.Equal(["unit", "unit", "unit"], inventory.Tests.Select(test => test.Layer));
        Assert.Equal(2, inventory.Tests.Count(test => test.LayerOrigin == TraitOrigin.Default));
        var warning = Assert.Single(inventory.Problems);
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.StartsWith("2 test(s) declare no layer", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Slow", warning.Message, StringComparison.Ordinal);
        Assert.False(inventory.IsIncomplete);
    }

    [Fact]
    public void An_undefined_resource_is_an_error_naming_the_test_the_defined_names_and_the_nearest()
    {
        var inventory = Classify(s_configuration, null, Case("App.T.A", ("Category", "Integration"), ("Resource", "postgress")));

        var error = Assert.Single(inventory.Problems);
        Assert.Equal(ProblemSeverity.Error, error.Severity);
        Assert.Equal("App.Tests:App.T.A", error.Subject);
        Assert.Contains("'postgress'", error.Message, StringComparison.Ordinal);
        Assert.Contains("defined: postgres, redis", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'postgres'?", error.Message, StringComparison.Ordinal);
        Assert.True(inventory.IsIncomplete);
        // Kept as declared: a test that lost its resource would look resource-free and run where nothing is started.
        Assert.Equal(ResourceSet.Of("postgress"), Assert.Single(inventory.Tests).Resources);
    }

    [Fact]
    public void A_test_needing_an_undefined_resource_is_left_out_of_every_cadence_with_the_reason()
    {
        var configuration = s_configuration with
        {
            Cadences = ImmutableDictionary<string, CadenceDefinition>.Empty
                .Add("commit", new CadenceDefinition("commit", ["unit", "integration"], []))
                .Add("pr", new CadenceDefinition("pr", ["unit", "integration"], ["postgres", "redis"])),
        };
        var inventory = Classify(configuration, Manifest(null, "rediss"), Case("App.T.A", ("Category", "Integration")));

        foreach (var cadence in new[] { "commit", "pr" })
        {
            var plan = Orchestrator.Planning.Planner.Plan(inventory, configuration, cadence, Orchestrator.Planning.TimingHistory.Empty);

            Assert.Empty(plan.Units);
            var exclusion = Assert.Single(plan.Exclusions);
            Assert.Contains("rediss, which orchestrator.json does not define", exclusion.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Theory_rows_sharing_a_key_collapse_into_one_test_with_a_case_count()
    {
        var inventory = Classify(s_configuration, null,
            Case("App.T.Rows", ("Category", "Unit")), Case("App.T.Rows", ("Category", "Unit")), Case("App.T.Single", ("Category", "Unit")));

        Assert.Equal(2, inventory.Tests.Count);
        Assert.Equal(2, inventory.Tests.Single(test => test.Key.FullyQualifiedName == "App.T.Rows").CaseCount);
    }

    [Fact]
    public void Configured_trait_names_are_used()
    {
        var configuration = s_configuration with { Traits = new TraitNames("Layer", "Needs") };

        var test = Assert.Single(Classify(configuration, null, Case("App.T.A", ("layer", "e2e"), ("needs", "redis"), ("Resource", "postgres"))).Tests);

        Assert.Equal("e2e", test.Layer);
        Assert.Equal(ResourceSet.Of("redis"), test.Resources);
    }

    [Fact]
    public void An_unknown_project_layer_is_an_error_with_a_suggestion()
    {
        var inventory = Classify(s_configuration, Manifest("integraton"), Case("App.T.A"));

        var error = Assert.Single(inventory.Problems, problem => problem.Severity == ProblemSeverity.Error);
        Assert.Equal("/src/App.Tests/App.Tests.csproj", error.Subject);
        Assert.Contains("Did you mean 'integration'?", error.Message, StringComparison.Ordinal);
    }
}
