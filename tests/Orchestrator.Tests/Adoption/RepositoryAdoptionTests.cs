using System.Text.Json;
using Orchestrator.Adoption;
using Orchestrator.Configuration;
using Orchestrator.Discovery;
using Orchestrator.Planning;
using Xunit;

namespace Orchestrator.Tests.Adoption;

[Trait("Category", "Unit")]
public sealed class RepositoryAdoptionTests
{
    [Fact]
    public void The_schema_is_a_relative_path_when_the_repository_holds_it()
    {
        using var repository = new FakeRepository();
        repository.WriteFile("eng/schema/orchestrator.schema.json", "{}");

        var schema = SchemaReference.For(repository.Root, "/nowhere/orchestrator.schema.json");

        Assert.Equal(("./eng/schema/orchestrator.schema.json", null), (schema.Value, schema.Note));
    }

    [Fact]
    public void Without_one_in_the_repository_the_schema_is_the_tools_copy_as_a_file_uri_with_a_note()
    {
        using var repository = new FakeRepository();
        using var tool = new FakeRepository();
        var shipped = tool.WriteFile("orchestrator.schema.json", "{}");

        var schema = SchemaReference.For(repository.Root, shipped);

        Assert.Equal(new Uri(shipped).AbsoluteUri, schema.Value);
        Assert.StartsWith("file:///", schema.Value, StringComparison.Ordinal);
        Assert.Contains("this machine only", schema.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_solution_below_the_root_is_chosen_and_test_projects_it_does_not_mention_are_reported()
    {
        using var repository = new FakeRepository();
        repository.AddProject("tests/Shop.UnitTests", "Shop.UnitTests", "xunit");
        repository.AddProject("tests/Shop.IntegrationTests", "Shop.IntegrationTests", "xunit");
        repository.WriteFile("src/Shop.slnx", """<Solution><Project Path="../tests/Shop.UnitTests/Shop.UnitTests.csproj" /></Solution>""");

        var adoption = RepositoryAdoption.Of(repository.Root);

        Assert.Equal("src/Shop.slnx", adoption.Solution);
        Assert.Contains(adoption.Undecided, note => note.Contains("src/Shop.slnx does not mention tests/Shop.IntegrationTests/Shop.IntegrationTests.csproj", StringComparison.Ordinal));
    }

    [Fact]
    public void Several_solutions_choose_none_and_say_so()
    {
        using var repository = new FakeRepository();
        repository.WriteFile("A.sln", "");
        repository.WriteFile("B.sln", "");

        var adoption = RepositoryAdoption.Of(repository.Root);

        Assert.Null(adoption.Solution);
        Assert.Contains(adoption.Undecided, note => note.Contains("Several solutions found (A.sln, B.sln)", StringComparison.Ordinal));
        Assert.Null(ConfigurationLoader.Parse(adoption.ConfigurationJson, Path.Combine(repository.Root, "orchestrator.json")).Build.Solution);
    }

    [Fact]
    public void Resources_named_only_by_traits_are_defined_known_kinds_as_containers_others_as_external()
    {
        using var repository = new FakeRepository();
        repository.Write("tests/Shop.IntegrationTests", "Shop.IntegrationTests", """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="xunit" /><ProjectReference Include="../../src/Shop/Shop.csproj" /></ItemGroup></Project>""");
        repository.AddProject("src/Shop", "Shop", "Npgsql");
        repository.WriteFile("tests/Shop.IntegrationTests/OrderTests.cs", """[Trait("Category", "Integration"), Trait("Resource", "postgres"), Trait("Resource", "docker")] public class OrderTests { }""");

        var config = ConfigurationLoader.Parse(RepositoryAdoption.Of(repository.Root).ConfigurationJson, Path.Combine(repository.Root, "orchestrator.json"));

        Assert.Equal(["docker", "postgres"], config.Resources.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ResourceKind.External, config.Resources["docker"].Kind);
        Assert.Equal(ResourceKind.Postgres, config.Resources["postgres"].Kind);
        var rule = Assert.Single(config.Rules);
        Assert.Equal(("integration", 0), (rule.Layer, rule.Resources.Length));
    }

    [Fact]
    public void A_client_that_comes_through_a_restored_package_gives_its_resource_with_the_chain_in_the_rule()
    {
        using var repository = new FakeRepository();
        repository.AddProject("tests/Shop.IntegrationTests", "Shop.IntegrationTests", "xunit", "Acme.Data");
        repository.WriteFile("tests/Shop.IntegrationTests/obj/project.assets.json", """
            {
              "targets": {
                "net10.0": {
                  "Acme.Data/2.1.0": { "type": "package", "dependencies": { "Npgsql": "8.0.3" } },
                  "Npgsql/8.0.3": { "type": "package" },
                  "xunit/2.9.3": { "type": "package" }
                }
              },
              "libraries": {
                "Acme.Data/2.1.0": { "type": "package" },
                "Npgsql/8.0.3": { "type": "package" },
                "xunit/2.9.3": { "type": "package" }
              },
              "projectFileDependencyGroups": { "net10.0": ["Acme.Data >= 2.1.0", "xunit >= 2.9.3"] }
            }
            """);

        var adoption = RepositoryAdoption.Of(repository.Root);
        var config = ConfigurationLoader.Parse(adoption.ConfigurationJson, Path.Combine(repository.Root, "orchestrator.json"));

        var rule = Assert.Single(config.Rules);
        Assert.Equal(["postgres"], rule.Resources.AsEnumerable());
        Assert.Contains("reaches Npgsql (through NuGet package Acme.Data) for postgres", rule.Description, StringComparison.Ordinal);
        Assert.Equal(ResourceKind.Postgres, config.Resources["postgres"].Kind);
        Assert.DoesNotContain(adoption.Undecided, note => note.Contains("not restored", StringComparison.Ordinal));
    }

    [Fact]
    public void Projects_that_were_not_restored_are_named_in_one_note_asking_for_a_restore_before_init()
    {
        using var repository = new FakeRepository();
        repository.AddProject("tests/Shop.UnitTests", "Shop.UnitTests", "xunit");
        repository.AddProject("tests/Shop.IntegrationTests", "Shop.IntegrationTests", "xunit");
        repository.WriteFile("tests/Shop.UnitTests/obj/project.assets.json", """{ "libraries": {} }""");

        var adoption = RepositoryAdoption.Of(repository.Root);

        var note = Assert.Single(adoption.Undecided, note => note.Contains("not restored", StringComparison.Ordinal));
        Assert.StartsWith("Shop.IntegrationTests: not restored (no obj/project.assets.json), so the transitive package graph was not read", note, StringComparison.Ordinal);
        Assert.Contains("Run 'dotnet restore' before 'orchestrator init'", note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_SQL_Server_client_gives_an_external_resource_that_keeps_the_projects_tests_out_of_every_cadence()
    {
        using var repository = new FakeRepository();
        repository.AddProject("tests/Shop.IntegrationTests", "Shop.IntegrationTests", "xunit", "Microsoft.Data.SqlClient");
        repository.AddProject("tests/Shop.UnitTests", "Shop.UnitTests", "xunit");

        var adoption = RepositoryAdoption.Of(repository.Root);
        var config = ConfigurationLoader.Parse(adoption.ConfigurationJson, Path.Combine(repository.Root, "orchestrator.json"));

        var rule = Assert.Single(config.Rules, rule => rule.Assembly == "Shop.IntegrationTests");
        Assert.Equal(["sqlserver"], rule.Resources.AsEnumerable());
        Assert.Equal(ResourceKind.External, Assert.Single(config.Resources, resource => resource.Key == "sqlserver").Value.Kind);
        using var written = JsonDocument.Parse(adoption.ConfigurationJson);
        var description = written.RootElement.GetProperty("resources").GetProperty("sqlserver").GetProperty("description").GetString();
        Assert.Contains("Given by the rules of Shop.IntegrationTests (reaches Microsoft.Data.SqlClient)", description, StringComparison.Ordinal);
        Assert.Contains("init has no container definition for 'sqlserver'", description, StringComparison.Ordinal);
        Assert.Contains("no cadence below allows it and every cadence leaves these tests out", description, StringComparison.Ordinal);
        Assert.Contains("define a container (kind generic with an image, ports, readiness and variables), or keep it external", description, StringComparison.Ordinal);
        Assert.Contains(adoption.Undecided, note => note.StartsWith("Shop.IntegrationTests: reaches Microsoft.Data.SqlClient for sqlserver, for which init has no container definition", StringComparison.Ordinal));

        var inventory = new TestClassifier(config).Classify(
        [
            new AssemblyCases("/repo/bin/Shop.IntegrationTests.dll", null, [new DiscoveredCase("Shop.IntegrationTests.OrderTests.Saves", "Saves", "/repo/bin/Shop.IntegrationTests.dll", [], [])]),
            new AssemblyCases("/repo/bin/Shop.UnitTests.dll", null, [new DiscoveredCase("Shop.UnitTests.PriceTests.Adds", "Adds", "/repo/bin/Shop.UnitTests.dll", [], [])]),
        ]);
        foreach (var cadence in new[] { "commit", "pr", "nightly" })
        {
            var plan = Planner.Plan(inventory, config, cadence, TimingHistory.Empty);

            Assert.Equal(["Shop.UnitTests.PriceTests.Adds"], plan.Units.SelectMany(unit => unit.Tests).Select(test => test.FullyQualifiedName));
            var excluded = Assert.Single(plan.Exclusions);
            Assert.Equal(("Shop.IntegrationTests.OrderTests.Saves", ExclusionReason.ResourceNotAllowed), (excluded.Test.FullyQualifiedName, excluded.Reason));
            Assert.Contains("sqlserver", excluded.Detail, StringComparison.Ordinal);
        }
    }
}
