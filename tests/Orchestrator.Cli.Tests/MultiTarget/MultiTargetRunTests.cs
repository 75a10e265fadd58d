using System.Collections.Immutable;
using System.Xml.Linq;
using Orchestrator.Cli.Tests.Execution;
using Orchestrator.Configuration;
using Orchestrator.Discovery;
using Orchestrator.Execution;
using Orchestrator.Fixtures;
using Orchestrator.Model;
using Orchestrator.Planning;
using Orchestrator.Reporting;
using Orchestrator.Results.Trx;
using Xunit;

namespace Orchestrator.Cli.Tests.MultiTarget;

/// <summary>
/// tests/Fixtures/MultiTarget.Tests (VSTest) and MultiTarget.Platform (a Microsoft.Testing.Platform application) are
/// built for net9.0 and net10.0 (the older builds roll forward onto the newest runtime); one of their tests fails in the
/// net9.0 build only. Discovered, planned, run and reported for real.
/// </summary>
[Trait("Category", "Integration")]
public sealed class MultiTargetRunTests : IDisposable
{
    private const string Project = "MultiTarget.Tests";
    private const string Passes = "MultiTarget.Tests.FrameworkTests.Passes";
    private const string OnlyNewest = "MultiTarget.Tests.FrameworkTests.OnlyTheNewestFrameworkPasses";
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    private static readonly OrchestratorConfiguration Configuration = new()
    {
        Cadences = ImmutableDictionary<string, CadenceDefinition>.Empty.Add("commit", new CadenceDefinition("commit", ["unit"], [])),
    };

    private readonly string _directory = Directory.CreateTempSubdirectory("orchestrator-multi-target-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static TestKey Key(string framework, string name) => Key(Project, framework, name);

    private static TestKey Key(string project, string framework, string name) => new($"{project} ({framework})", name);

    private Task<TestInventory> DiscoverAsync(string project = Project) => TestDiscoverer.DiscoverAsync(
        new DiscoveryRequest
        {
            Configuration = Configuration,
            ManifestDirectory = PrebuiltFixture.ManifestDirectory(project),
            LoggerDirectory = AppContext.BaseDirectory,
            CacheDirectory = Path.Combine(_directory, "cache"),
            MaxParallelism = 2,
        },
        CancellationToken.None);

    [Fact]
    public async Task Each_framework_is_discovered_planned_run_retried_and_reported_on_its_own()
    {
        var inventory = await DiscoverAsync();
        Assert.DoesNotContain(inventory.Problems, problem => problem.Severity == ProblemSeverity.Error);
        Assert.Equal(
            [Key("net10.0", OnlyNewest), Key("net10.0", Passes), Key("net9.0", OnlyNewest), Key("net9.0", Passes)],
            inventory.Tests.Select(test => test.Key).Order(TestKey.Ordinal));
        Assert.All(inventory.Tests, test => Assert.Contains(
            test.Key.Assembly.EndsWith("(net9.0)", StringComparison.Ordinal) ? "net9.0" : "net10.0",
            Path.GetFileName(Path.GetDirectoryName(test.SourcePath))!, StringComparison.Ordinal));

        var plan = Planner.Plan(inventory, Configuration, "commit", TimingHistory.Empty);
        // One unit per build: the builds' tests share test ids, which one TRX would keep apart by one assembly path only.
        Assert.All(plan.Partitions.SelectMany(partition => partition.Units), unit => Assert.Single(unit.Sources));
        Assert.Equal(4, plan.Partitions.SelectMany(partition => partition.Units).Sum(unit => unit.Tests.Count));
        var options = new RunOptions("run-" + Guid.NewGuid().ToString("N")[..8], Path.Combine(_directory, "results"))
        {
            Parallelism = ParallelismSettings.Default with { MaxParallelUnits = 2 },
            Timeouts = new TimeoutSettings(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromSeconds(30)),
            Retries = 1,
        };
        var progress = new RecordingProgress();

        var record = await TestRunner.RunAsync(plan, options, null, progress, CancellationToken.None);

        var first = record.Units.Where(unit => unit.Attempt == 0).SelectMany(unit => unit.Results).ToList();
        Assert.Equal(TrxOutcome.Passed, Assert.Single(first, result => result.Key == Key("net10.0", OnlyNewest)).Outcome);
        Assert.Equal(TrxOutcome.Failed, Assert.Single(first, result => result.Key == Key("net9.0", OnlyNewest)).Outcome);
        Assert.Equal(TrxOutcome.Passed, Assert.Single(first, result => result.Key == Key("net9.0", Passes)).Outcome);
        Assert.Equal(TrxOutcome.Passed, Assert.Single(first, result => result.Key == Key("net10.0", Passes)).Outcome);
        // The retry runs the failed framework's test only, from that framework's assembly.
        var retry = Assert.Single(record.Units, unit => unit.Attempt == 1);
        Assert.Equal([Key("net9.0", OnlyNewest)], retry.ExpectedTests);
        Assert.Equal(Key("net9.0", OnlyNewest), Assert.Single(retry.Results).Key);
        Assert.Contains(progress.Results, result => result.Outcome == TestResultOutcome.Failed && result.QualifiedDisplayName == OnlyNewest + " (net9.0)");

        var output = Path.Combine(_directory, "report");
        var timings = Path.Combine(_directory, "timings.json");
        var verdict = await ResultsReporter.WriteAsync(record, new ReportOptions(output) { StepSummaryPath = null, TimingsPath = timings }, CancellationToken.None);

        Assert.Equal((3, 1), (verdict.Passed, verdict.Failed));
        var trx = XDocument.Load(Path.Combine(output, "unit.trx"));
        var top = trx.Root!.Element(Trx + "Results")!.Elements(Trx + "UnitTestResult").ToDictionary(result => result.Attribute("testName")!.Value, result => result.Attribute("outcome")!.Value);
        Assert.Equal("Failed", top[OnlyNewest + " (net9.0)"]);
        Assert.Equal("Passed", top[OnlyNewest + " (net10.0)"]);
        Assert.Equal(4, top.Count);
        Assert.Equal(4, trx.Descendants(Trx + "UnitTest").Select(test => test.Attribute("id")!.Value).Distinct().Count());

        var junit = XDocument.Load(Path.Combine(output, "unit.junit.xml"));
        var suites = junit.Descendants("testsuite").ToDictionary(suite => suite.Attribute("name")!.Value);
        Assert.Equal(["MultiTarget.Tests (net10.0)", "MultiTarget.Tests (net9.0)"], suites.Keys.Order(StringComparer.Ordinal));
        Assert.Single(suites["MultiTarget.Tests (net9.0)"].Descendants("failure"));
        Assert.Empty(suites["MultiTarget.Tests (net10.0)"].Descendants("failure"));

        Assert.Contains($"{OnlyNewest} (net9.0)", await File.ReadAllTextAsync(Path.Combine(output, "summary.md")), StringComparison.Ordinal);
        Assert.Contains($"{OnlyNewest} (net9.0)", await File.ReadAllTextAsync(Path.Combine(output, "report.html")), StringComparison.Ordinal);
        var history = TimingStore.Load(timings).History;
        Assert.Contains(Key("net9.0", Passes), history.Keys);
        Assert.Contains(Key("net10.0", Passes), history.Keys);
    }

    [Fact]
    public async Task Builds_given_by_path_without_manifests_are_told_apart_by_the_framework_each_was_built_for()
    {
        var (manifests, _) = ManifestReader.ReadDirectory(PrebuiltFixture.ManifestDirectory(Project));
        var builds = manifests.Select(manifest => manifest.TargetPath).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(2, builds.Length);

        var inventory = await TestDiscoverer.DiscoverAsync(ByPath(builds), CancellationToken.None);

        Assert.DoesNotContain(inventory.Problems, problem => problem.Severity == ProblemSeverity.Error);
        Assert.Equal(
            [Key("net10.0", OnlyNewest), Key("net10.0", Passes), Key("net9.0", OnlyNewest), Key("net9.0", Passes)],
            inventory.Tests.Select(test => test.Key).Order(TestKey.Ordinal));
        var plan = Planner.Plan(inventory, Configuration, "commit", TimingHistory.Empty);
        var options = new RunOptions("run-" + Guid.NewGuid().ToString("N")[..8], Path.Combine(_directory, "results"))
        {
            Parallelism = ParallelismSettings.Default with { MaxParallelUnits = 2 },
            Timeouts = new TimeoutSettings(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromSeconds(30)),
        };

        var record = await TestRunner.RunAsync(plan, options, null, new RecordingProgress(), CancellationToken.None);

        var results = record.Units.SelectMany(unit => unit.Results).ToDictionary(result => result.Key, result => result.Outcome);
        Assert.Equal(4, results.Count);
        Assert.Equal(TrxOutcome.Failed, results[Key("net9.0", OnlyNewest)]);
        Assert.Equal(TrxOutcome.Passed, results[Key("net10.0", OnlyNewest)]);
    }

    [Fact]
    public async Task Two_assemblies_of_one_name_and_framework_given_by_path_are_an_error_naming_both()
    {
        var (manifests, _) = ManifestReader.ReadDirectory(PrebuiltFixture.ManifestDirectory(Project));
        var newest = manifests.Single(manifest => manifest.TargetFramework == "net10.0").TargetPath;
        var copy = Path.Combine(_directory, "copy", Path.GetFileName(newest));
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(newest)!))
        {
            File.Copy(file, Path.Combine(Path.GetDirectoryName(copy)!, Path.GetFileName(file)));
        }

        var inventory = await TestDiscoverer.DiscoverAsync(ByPath(newest, copy), CancellationToken.None);

        var error = Assert.Single(inventory.Problems, problem => problem.Severity == ProblemSeverity.Error);
        Assert.Contains(newest, error.Message, StringComparison.Ordinal);
        Assert.Contains(copy, error.Message, StringComparison.Ordinal);
        Assert.Contains("built for net10.0", error.Message, StringComparison.Ordinal);
    }

    private DiscoveryRequest ByPath(params string[] assemblies) => new()
    {
        Configuration = Configuration,
        Assemblies = [.. assemblies],
        LoggerDirectory = AppContext.BaseDirectory,
        CacheDirectory = Path.Combine(_directory, "cache"),
        MaxParallelism = 2,
    };

    [Fact]
    public async Task Each_framework_of_a_testing_platform_application_is_its_own_application_run_and_report()
    {
        const string project = "MultiTarget.Platform";
        const string passes = "MultiTarget.Platform.FrameworkTests.Passes";
        const string onlyNewest = "MultiTarget.Platform.FrameworkTests.OnlyTheNewestFrameworkPasses";
        var inventory = await DiscoverAsync(project);
        Assert.DoesNotContain(inventory.Problems, problem => problem.Severity == ProblemSeverity.Error);
        Assert.Equal(
            [Key(project, "net10.0", onlyNewest), Key(project, "net10.0", passes), Key(project, "net9.0", onlyNewest), Key(project, "net9.0", passes)],
            inventory.Tests.Select(test => test.Key).Order(TestKey.Ordinal));
        Assert.All(inventory.Tests, test => Assert.Equal(TestRunnerKind.MicrosoftTestingPlatform, test.Runner));

        var plan = Planner.Plan(inventory, Configuration, "commit", TimingHistory.Empty);
        Assert.All(plan.Partitions.SelectMany(partition => partition.Units), unit => Assert.Single(unit.Sources));
        var options = new RunOptions("run-" + Guid.NewGuid().ToString("N")[..8], Path.Combine(_directory, "results"))
        {
            Parallelism = ParallelismSettings.Default with { MaxParallelUnits = 2 },
            Timeouts = new TimeoutSettings(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromSeconds(30)),
            Retries = 1,
        };

        var record = await TestRunner.RunAsync(plan, options, null, new RecordingProgress(), CancellationToken.None);

        var first = record.Units.Where(unit => unit.Attempt == 0).SelectMany(unit => unit.Results).ToList();
        Assert.Equal(TrxOutcome.Passed, Assert.Single(first, result => result.Key == Key(project, "net10.0", onlyNewest)).Outcome);
        Assert.Equal(TrxOutcome.Failed, Assert.Single(first, result => result.Key == Key(project, "net9.0", onlyNewest)).Outcome);
        Assert.Equal(TrxOutcome.Passed, Assert.Single(first, result => result.Key == Key(project, "net9.0", passes)).Outcome);
        Assert.Equal(TrxOutcome.Passed, Assert.Single(first, result => result.Key == Key(project, "net10.0", passes)).Outcome);
        var retry = Assert.Single(record.Units, unit => unit.Attempt == 1);
        Assert.Equal([Key(project, "net9.0", onlyNewest)], retry.ExpectedTests);
        Assert.Equal(Key(project, "net9.0", onlyNewest), Assert.Single(retry.Results).Key);

        var output = Path.Combine(_directory, "report");
        var verdict = await ResultsReporter.WriteAsync(record, new ReportOptions(output) { StepSummaryPath = null }, CancellationToken.None);

        Assert.Equal((3, 1), (verdict.Passed, verdict.Failed));
        var junit = XDocument.Load(Path.Combine(output, "unit.junit.xml"));
        var suites = junit.Descendants("testsuite").ToDictionary(suite => suite.Attribute("name")!.Value);
        Assert.Equal([$"{project} (net10.0)", $"{project} (net9.0)"], suites.Keys.Order(StringComparer.Ordinal));
        Assert.Single(suites[$"{project} (net9.0)"].Descendants("failure"));
        Assert.Empty(suites[$"{project} (net10.0)"].Descendants("failure"));
    }
}
