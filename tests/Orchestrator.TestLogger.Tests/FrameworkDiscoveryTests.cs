using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.Discovery;
using Orchestrator.Fixtures;
using Orchestrator.Model;
using Xunit;

namespace Orchestrator.TestLogger.Tests;

[Trait("Category", "Integration")]
public sealed class FrameworkDiscoveryTests(FrameworkInventory frameworks) : IClassFixture<FrameworkInventory>, IDisposable
{
    private static readonly OrchestratorConfiguration s_configuration = new()
    {
        Resources = ImmutableDictionary<string, ResourceDefinition>.Empty
            .Add("postgres", new ResourceDefinition { Name = "postgres", Kind = ResourceKind.Postgres })
            .Add("redis", new ResourceDefinition { Name = "redis", Kind = ResourceKind.Redis })
            .Add("rabbitmq", new ResourceDefinition { Name = "rabbitmq", Kind = ResourceKind.RabbitMq }),
    };

    private readonly string _workDirectory = Directory.CreateTempSubdirectory("orchestrator-discovery-").FullName;

    public void Dispose() => Directory.Delete(_workDirectory, recursive: true);

    private DiscoveryRequest Request(string? manifestDirectory, params string[] assemblies) => RequestIn(_workDirectory, manifestDirectory, assemblies);

    /// <summary>A discovery with its logger copy and cache in <paramref name="workDirectory"/>.</summary>
    internal static DiscoveryRequest RequestIn(string workDirectory, string? manifestDirectory, params string[] assemblies) => new()
    {
        Configuration = s_configuration,
        ManifestDirectory = manifestDirectory,
        Assemblies = [.. assemblies],
        LoggerDirectory = LoggerDirectory.Create(workDirectory),
        CacheDirectory = Path.Combine(workDirectory, "cache"),
        MaxParallelism = 2,
    };

    private static DiscoveredTest Test(TestInventory inventory, string fullyQualifiedName) =>
        inventory.Tests.Single(test => test.Key.FullyQualifiedName == fullyQualifiedName);

    [Fact]
    public void The_build_writes_one_manifest_per_test_project_with_its_declarations()
    {
        var (manifests, problems) = ManifestReader.ReadDirectory(FrameworkFixtures.ManifestDirectory);

        Assert.Empty(problems);
        Assert.Equal(["MstestSample.Tests", "NunitSample.Tests", "XunitSample.Tests", "XunitV3Sample.Tests"], manifests.Select(manifest => manifest.ProjectName).Order());
        var xunit = manifests.Single(manifest => manifest.ProjectName == "XunitSample.Tests");
        Assert.Equal(FrameworkFixtures.XunitAssembly, xunit.TargetPath);
        Assert.Equal("net10.0", xunit.TargetFramework);
        Assert.Equal(TestRunnerKind.VSTest, xunit.Runner);
        Assert.Equal("E2E", xunit.Layer);
        Assert.Equal(["rabbitmq"], xunit.Resources.ToArray());
    }

    [Fact]
    public void Xunit_traits_multi_valued_traits_and_project_defaults_come_through()
    {
        var inventory = frameworks.Inventory;

        var saves = Test(inventory, "XunitSample.OrderTests.Saves");
        Assert.Equal(("integration", TraitOrigin.Trait), (saves.Layer, saves.LayerOrigin));
        Assert.Equal(ResourceSet.Of("postgres", "redis", "rabbitmq"), saves.Resources);
        var rows = Test(inventory, "XunitSample.OrderTests.Rows");
        Assert.Equal(2, rows.CaseCount);
        Assert.Equal(("e2e", TraitOrigin.Project), (rows.Layer, rows.LayerOrigin));
        Assert.Equal((ResourceSet.Of("rabbitmq"), TraitOrigin.Project), (rows.Resources, rows.ResourcesOrigin));
        Assert.EndsWith("XunitSample.Tests.csproj", rows.ProjectPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Nunit_categories_properties_and_test_cases_come_through()
    {
        var inventory = frameworks.Inventory;

        var reserves = Test(inventory, "NunitSample.StockTests.Reserves");
        Assert.Equal(("integration", TraitOrigin.Trait), (reserves.Layer, reserves.LayerOrigin));
        Assert.Equal(ResourceSet.Of("postgres", "redis"), reserves.Resources);
        Assert.Contains(new TestTrait(TestClassifier.CategoryTraitName, "Slow"), reserves.Traits);
        var counts = inventory.Tests.Where(test => test.Key.FullyQualifiedName.StartsWith("NunitSample.StockTests.Counts", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, counts.Count);
        Assert.All(counts, test => Assert.Equal(("unit", TraitOrigin.Default), (test.Layer, test.LayerOrigin)));
        Assert.Contains(inventory.Problems, problem => problem is { Severity: ProblemSeverity.Warning, Subject: "layer" } && problem.Message.Contains("declare no layer", StringComparison.Ordinal));
    }

    [Fact]
    public void Mstest_categories_properties_and_data_rows_come_through()
    {
        var inventory = frameworks.Inventory;

        var pays = Test(inventory, "MstestSample.PaymentTests.Pays");
        Assert.Equal(("e2e", TraitOrigin.Trait), (pays.Layer, pays.LayerOrigin));
        Assert.Equal(ResourceSet.Of("redis", "rabbitmq"), pays.Resources);
        Assert.Contains(new TestTrait(TestClassifier.CategoryTraitName, "Nightly"), pays.Traits);
        Assert.Equal(2, Test(inventory, "MstestSample.PaymentTests.Rounds").CaseCount);
    }

    [Fact]
    public void Xunit_v3_through_its_VSTest_adapter_is_a_VSTest_project_whose_traits_and_theory_cases_come_through()
    {
        var (manifests, _) = ManifestReader.ReadDirectory(FrameworkFixtures.ManifestDirectory);
        // An executable that carries the platform's runner too, but without UseMicrosoftTestingPlatformRunner it is the adapter's.
        Assert.Equal(TestRunnerKind.VSTest, manifests.Single(manifest => manifest.ProjectName == "XunitV3Sample.Tests").Runner);
        var inventory = frameworks.Inventory;

        var saves = Test(inventory, "XunitV3Sample.InvoiceTests.Saves");
        Assert.Equal(("integration", TraitOrigin.Trait), (saves.Layer, saves.LayerOrigin));
        Assert.Equal(ResourceSet.Of("postgres", "redis"), saves.Resources);
        var totals = Test(inventory, "XunitV3Sample.InvoiceTests.Totals");
        Assert.Equal(2, totals.CaseCount);
        Assert.Equal(("unit", TraitOrigin.Trait), (totals.Layer, totals.LayerOrigin));
        var flaky = Test(inventory, "XunitV3Sample.InvoiceTests.Flaky");
        Assert.Equal(("unit", ResourceSet.None), (flaky.Layer, flaky.Resources));
    }

    [Fact]
    public void An_undefined_resource_names_the_test_and_suggests_the_nearest_defined_name()
    {
        var inventory = frameworks.Inventory;

        var error = Assert.Single(inventory.Problems, problem => problem.Severity == ProblemSeverity.Error);
        Assert.Equal("XunitSample.Tests:XunitSample.OrderTests.Misspelt", error.Subject);
        Assert.Contains("'postgress'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'postgres'?", error.Message, StringComparison.Ordinal);
        Assert.True(inventory.IsIncomplete);
    }

    [Fact]
    public async Task An_unchanged_assembly_is_served_from_cache_and_a_changed_one_is_rediscovered()
    {
        var xunit = CopyOutput(FrameworkFixtures.XunitAssembly, "xunit");
        var nunit = CopyOutput(FrameworkFixtures.NunitAssembly, "nunit");
        var request = Request(null, xunit, nunit);

        var cold = await TestDiscoverer.ListCasesAsync(request, CancellationToken.None);
        var warm = await TestDiscoverer.ListCasesAsync(request, CancellationToken.None);
        await File.AppendAllTextAsync(xunit, "changed");
        var afterChange = await TestDiscoverer.ListCasesAsync(request, CancellationToken.None);

        Assert.Empty(cold.CachedAssemblies);
        Assert.Equal([xunit, nunit], warm.CachedAssemblies);
        Assert.Equal([nunit], afterChange.CachedAssemblies);
        Assert.Equal(
            cold.Assemblies.SelectMany(assembly => assembly.Cases).Select(testCase => testCase.FullyQualifiedName),
            afterChange.Assemblies.SelectMany(assembly => assembly.Cases).Select(testCase => testCase.FullyQualifiedName));
        Assert.All(warm.Assemblies.SelectMany(assembly => assembly.Cases), testCase => Assert.True(File.Exists(testCase.Source)));
    }

    [Fact]
    public async Task A_project_the_configuration_ignores_is_named_in_a_warning_and_not_discovered()
    {
        var request = Request(FrameworkFixtures.ManifestDirectory) with
        {
            Configuration = s_configuration with { IgnoreProjects = ["nunitsample.tests"] },
        };

        var inventory = await TestDiscoverer.DiscoverAsync(request, CancellationToken.None);

        Assert.DoesNotContain(inventory.Tests, test => test.Key.Assembly == "NunitSample.Tests");
        Assert.Contains(inventory.Tests, test => test.Key.Assembly == "XunitSample.Tests");
        var warning = Assert.Single(inventory.Problems, problem => problem.Message.Contains("ignoreProjects", StringComparison.Ordinal));
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.Contains("NunitSample.Tests", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_global_json_that_puts_dotnet_test_in_testing_platform_mode_does_not_hide_vstest_assemblies()
    {
        // In that mode 'dotnet test <dll>' finds no test module at all; the copy the lister runs under keeps the SDK pin.
        var xunit = CopyOutput(FrameworkFixtures.XunitAssembly, Path.Combine("platform-mode", "bin"));
        await File.WriteAllTextAsync(Path.Combine(_workDirectory, "platform-mode", "global.json"), """
            {
              // the .NET 10 opt-in
              "test": { "runner": "Microsoft.Testing.Platform" },
            }
            """);

        var listing = await TestDiscoverer.ListCasesAsync(Request(null, xunit), CancellationToken.None);

        Assert.Empty(listing.Problems);
        Assert.Contains(listing.Assemblies.Single().Cases, testCase => testCase.FullyQualifiedName == "XunitSample.OrderTests.Saves");
    }

    [Fact]
    public async Task An_assembly_and_a_cache_under_a_path_holding_a_semicolon_are_discovered()
    {
        // VSTest splits logger parameters at ';': the discovery log's path must reach the logger whole all the same.
        var xunit = CopyOutput(FrameworkFixtures.XunitAssembly, Path.Combine("team;repo", "bin"));
        var request = Request(null, xunit) with { CacheDirectory = Path.Combine(_workDirectory, "team;repo", ".orchestrator", "cache") };

        var listing = await TestDiscoverer.ListCasesAsync(request, CancellationToken.None);

        Assert.Empty(listing.Problems);
        Assert.Contains(listing.Assemblies.Single().Cases, testCase => testCase.FullyQualifiedName == "XunitSample.OrderTests.Saves");
    }

    [Fact]
    public async Task A_crashing_discovery_is_named_and_the_other_assemblies_are_still_discovered()
    {
        var broken = CopyOutput(FrameworkFixtures.XunitAssembly, "broken");
        var runtimeConfig = Path.ChangeExtension(broken, ".runtimeconfig.json");
        await File.WriteAllTextAsync(runtimeConfig, (await File.ReadAllTextAsync(runtimeConfig)).Replace("\"10.0.0\"", "\"99.0.0\"", StringComparison.Ordinal));

        var inventory = await TestDiscoverer.DiscoverAsync(Request(null, broken, FrameworkFixtures.MstestAssembly), CancellationToken.None);

        var error = Assert.Single(inventory.Problems, problem => problem.Severity == ProblemSeverity.Error);
        Assert.Equal(broken, error.Subject);
        Assert.Contains(broken, error.Message, StringComparison.Ordinal);
        Assert.Contains(inventory.Tests, test => test.Key.FullyQualifiedName == "MstestSample.PaymentTests.Pays");
        Assert.DoesNotContain(inventory.Tests, test => test.SourcePath == broken);
    }

    [Fact]
    public async Task Missing_build_output_and_an_assembly_that_is_no_testing_platform_application_are_reported_not_skipped()
    {
        var manifests = Path.Combine(_workDirectory, "manifests");
        Directory.CreateDirectory(manifests);
        var project = Path.Combine(_workDirectory, "Some.Tests.csproj");
        await File.WriteAllTextAsync(project, "<Project />");
        await WriteManifest(manifests, "unbuilt.json", project, Path.Combine(_workDirectory, "bin", "Some.Tests.dll"), "VSTest");
        await WriteManifest(manifests, "platform.json", project, FrameworkFixtures.XunitAssembly, "MicrosoftTestingPlatform");

        var inventory = await TestDiscoverer.DiscoverAsync(Request(manifests), CancellationToken.None);

        Assert.Empty(inventory.Tests);
        Assert.Contains(inventory.Problems, problem => problem.Severity == ProblemSeverity.Error && problem.Message.Contains("Build it first", StringComparison.Ordinal));
        // The manifest says Microsoft.Testing.Platform, but the assembly is a VSTest library: it never connects.
        Assert.Contains(inventory.Problems, problem => problem.Severity == ProblemSeverity.Error && problem.Message.Contains("server mode", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_discovery_kills_every_process_it_started()
    {
        var assembly = CopyOutput(FrameworkFixtures.XunitAssembly, "cancelled-" + Guid.NewGuid().ToString("N"));
        var directory = Path.GetDirectoryName(assembly)!;
        using var cancellation = new CancellationTokenSource();
        var discovery = TestDiscoverer.ListCasesAsync(Request(null, assembly), cancellation.Token);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (ProcessesMentioning(directory).Count == 0 && !discovery.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        Assert.False(discovery.IsCompleted, "discovery finished before a process could be observed");
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => discovery);

        deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (ProcessesMentioning(directory).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
        Assert.Empty(ProcessesMentioning(directory));
    }

    private static List<string> ProcessesMentioning(string text) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Where(directory => int.TryParse(Path.GetFileName(directory), out _))
            .Select(directory =>
            {
                try
                {
                    return File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                }
                catch (IOException)
                {
                    return "";
                }
                catch (UnauthorizedAccessException)
                {
                    return "";
                }
            })
            .Where(commandLine => commandLine.Contains(text, StringComparison.Ordinal))];

    private string CopyOutput(string assembly, string name) =>
        PrebuiltFixture.CopyTo(Path.GetFileNameWithoutExtension(assembly), Path.Combine(_workDirectory, name));

    private static Task WriteManifest(string directory, string fileName, string project, string targetPath, string runner) =>
        File.WriteAllTextAsync(Path.Combine(directory, fileName),
            $$"""
            {"schemaVersion":1,"projectPath":"{{project}}","projectName":"Some.Tests","targetFramework":"net10.0",
             "targetPath":"{{targetPath}}","configuration":"Release","runner":"{{runner}}","layer":null,"resources":[]}
            """);
}
