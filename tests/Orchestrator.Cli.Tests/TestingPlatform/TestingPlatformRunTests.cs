using System.Collections.Immutable;
using Orchestrator.Cli.Tests.Execution;
using Orchestrator.Configuration;
using Orchestrator.Execution;
using Orchestrator.Execution.Settings;
using Orchestrator.Model;
using Orchestrator.Planning;
using Orchestrator.Results;
using Orchestrator.Results.Trx;
using Xunit;

namespace Orchestrator.Cli.Tests.TestingPlatform;

[Trait("Category", "Integration")]
public sealed class TestingPlatformRunTests(PlatformFixtures fixtures) : IClassFixture<PlatformFixtures>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("orchestrator-platform-run-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private RunOptions Options(TimeSpan hang, int retries, params (string Name, string Value)[] environment) =>
        new RunOptions("run-" + Guid.NewGuid().ToString("N")[..8], Path.Combine(_directory, "results"))
        {
            Parallelism = ParallelismSettings.Default with { MaxParallelUnits = 2 },
            Timeouts = new TimeoutSettings(hang, TimeSpan.FromMinutes(4), TimeSpan.FromSeconds(30)),
            Retries = retries,
            TestEnvironment = environment.ToImmutableDictionary(pair => pair.Name, pair => pair.Value),
        };

    private TestPlan CommitPlan() => Planner.Plan(fixtures.Inventory, PlatformFixtures.Configuration, "commit", TimingHistory.Empty);

    [Fact]
    public async Task Every_case_of_every_framework_runs_once_per_attempt_and_a_flaky_test_passes_on_its_retry()
    {
        var plan = CommitPlan();
        Assert.All(plan.Partitions.SelectMany(partition => partition.Units), unit => Assert.Equal(TestRunnerKind.MicrosoftTestingPlatform, unit.Runner));
        var options = Options(TimeSpan.FromMinutes(2), retries: 1, ("FIXTURE_FLAKY_DIR", _directory));

        var record = await TestRunner.RunAsync(plan, options, null, new RecordingProgress(), CancellationToken.None);

        var first = record.Units.Where(unit => unit.Attempt == 0).SelectMany(unit => unit.Results).ToList();
        var retried = record.Units.Where(unit => unit.Attempt == 1).SelectMany(unit => unit.Results).ToList();
        foreach (var framework in PlatformFixtures.Frameworks)
        {
            var assembly = $"Platform.{framework}";
            List<TestCaseResult> Of(List<TestCaseResult> results, string method) =>
                [.. results.Where(result => result.Key == new TestKey(assembly, $"{assembly}.Orders.{method}"))];

            var quoted = Of(first, "Quoted");
            Assert.Equal(2, quoted.Count);
            Assert.Equal(2, quoted.Select(result => result.TestId).Distinct().Count());
            Assert.All(quoted, result => Assert.Equal(TrxOutcome.Passed, result.Outcome));
            Assert.Equal(TrxOutcome.Passed, Assert.Single(Of(first, "Hangs")).Outcome);
            Assert.Equal(TrxOutcome.Failed, Assert.Single(Of(first, "Fails")).Outcome);
            Assert.Equal(TrxOutcome.Failed, Assert.Single(Of(first, "Flaky")).Outcome);
            Assert.Empty(Of(first, "Saves"));

            Assert.Equal(TrxOutcome.Passed, Assert.Single(Of(retried, "Flaky")).Outcome);
            Assert.Equal(TrxOutcome.Failed, Assert.Single(Of(retried, "Fails")).Outcome);
            Assert.Empty(Of(retried, "Quoted"));
        }
        Assert.All(record.Units, unit => Assert.Equal(UnitExit.TestsFailed, unit.Exit));
    }

    [Fact]
    public async Task A_unit_given_one_case_of_a_method_reports_that_case_only()
    {
        // The NUnit adapter cannot parse these uids, so the application runs the method by name: the other case is
        // another unit's, and must not be reported twice.
        foreach (var framework in new[] { "Nunit", "Xunit" })
        {
            var quoted = fixtures.Test(framework, "Quoted");
            var unit = new ExecutionUnit("unit-none#1", "unit-none", "unit", ResourceSet.None, [quoted.Key], [quoted.SourcePath], "", TimeSpan.FromSeconds(1))
            {
                Runner = TestRunnerKind.MicrosoftTestingPlatform,
                CaseIds = [new TestCaseId(quoted.Key, quoted.CaseIds[1])],
                ExpectedResults = 1,
            };

            var record = await TestRunner.RunAsync(FixtureProject.Plan(unit), Options(TimeSpan.FromMinutes(2), retries: 0), null, new RecordingProgress(), CancellationToken.None);

            var run = Assert.Single(record.Units);
            Assert.Equal(UnitExit.Passed, run.Exit);
            var result = Assert.Single(run.Results);
            Assert.Equal(TestNodeId(quoted.CaseIds[1]), result.TestId);
        }
    }

    [Fact]
    public async Task A_hanging_test_is_killed_after_the_hang_timeout_and_named_among_the_cases_without_a_result()
    {
        var hangs = fixtures.Test("Mstest", "Hangs");
        var unit = new ExecutionUnit("unit-none#1", "unit-none", "unit", ResourceSet.None, [hangs.Key], [hangs.SourcePath], "", TimeSpan.FromSeconds(1))
        {
            Runner = TestRunnerKind.MicrosoftTestingPlatform,
            CaseIds = [new TestCaseId(hangs.Key, hangs.CaseIds[0])],
        };
        var progress = new RecordingProgress();

        var record = await TestRunner.RunAsync(FixtureProject.Plan(unit), Options(TimeSpan.FromSeconds(10), retries: 0, ("FIXTURE_HANG", "1")), null, progress, CancellationToken.None);

        var run = Assert.Single(record.Units);
        Assert.Equal(UnitExit.Hung, run.Exit);
        Assert.Contains("Platform.Mstest.Orders.Hangs", run.ExitDetail, StringComparison.Ordinal);
        Assert.True(run.FinishedAt - run.StartedAt < TimeSpan.FromMinutes(3), $"the unit ran {run.FinishedAt - run.StartedAt}");
        var started = Assert.Single(progress.Started);
        Assert.DoesNotContain(FixtureProject.ProcessTree(started.ProcessId), FixtureProject.IsAlive);
    }

    [Fact]
    public async Task With_coverage_on_an_application_carrying_coverlets_extension_hands_over_its_coverage_and_without_it_none()
    {
        // Coverlet instruments the build output in place: this test measures a copy of its own.
        var copy = Fixtures.PrebuiltFixture.CopyTo("Platform.Mstest", Path.Combine(_directory, "copy"));
        var quoted = fixtures.Test("Mstest", "Quoted");
        var unit = new ExecutionUnit("unit-none#1", "unit-none", "unit", ResourceSet.None, [quoted.Key], [copy], "", TimeSpan.FromSeconds(1))
        {
            Runner = TestRunnerKind.MicrosoftTestingPlatform,
            CaseIds = [.. quoted.CaseIds.Select(id => new TestCaseId(quoted.Key, id))],
            ExpectedResults = 2,
        };
        var coverage = new CoverageSettings(true, [], [], []);

        var measured = await TestRunner.RunAsync(FixtureProject.Plan(unit), Options(TimeSpan.FromMinutes(2), 0) with { TestSettings = UnitSettings.None with { Coverage = coverage } }, null, new RecordingProgress(), CancellationToken.None);

        var run = Assert.Single(measured.Units);
        Assert.Equal(UnitExit.Passed, run.Exit);
        var file = Assert.Single(run.CoverageFiles);
        using (var document = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(file)))
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Object, document.RootElement.ValueKind);
        }

        var plain = await TestRunner.RunAsync(FixtureProject.Plan(unit), Options(TimeSpan.FromMinutes(2), 0), null, new RecordingProgress(), CancellationToken.None);

        var unmeasured = Assert.Single(plain.Units);
        Assert.Equal(UnitExit.Passed, unmeasured.Exit);
        Assert.Empty(unmeasured.CoverageFiles);
        var command = File.ReadLines(Path.Combine(_directory, "results", "unit-none_1.r0.a0", "output.log")).First();
        Assert.DoesNotContain("--coverlet", command, StringComparison.Ordinal);
    }

    private static string TestNodeId(string uid) => Orchestrator.TestingPlatform.TestNode.IdOf(uid).ToString();
}
