using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.Execution;
using Orchestrator.Model;
using Orchestrator.Results;
using Xunit;

namespace Orchestrator.Cli.Tests.Execution;

[Trait("Category", "Integration")]
public sealed class ResourceSchedulingTests : IClassFixture<FixtureProject>, IDisposable
{
    private readonly FixtureProject _fixture;
    private readonly string _results = Path.Combine(Path.GetTempPath(), "orchestrator-scheduling-results-" + Guid.NewGuid().ToString("N")[..12]);

    public ResourceSchedulingTests(FixtureProject fixture) => _fixture = fixture;

    public void Dispose()
    {
        if (Directory.Exists(_results))
        {
            Directory.Delete(_results, recursive: true);
        }
    }

    private RunOptions Options(IsolationMode isolation = IsolationMode.Shared) =>
        new RunOptions("run-" + Guid.NewGuid().ToString("N")[..8], _results)
        {
            Parallelism = ParallelismSettings.Default with { MaxParallelUnits = 2, MaxContainers = 4 },
            Timeouts = new TimeoutSettings(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30)),
            Resources = ImmutableDictionary<string, ResourceDefinition>.Empty
                .Add("postgres", new ResourceDefinition { Name = "postgres", Isolation = new IsolationSettings(isolation) })
                .Add("redis", new ResourceDefinition { Name = "redis", Isolation = new IsolationSettings(isolation) }),
        };

    [Fact]
    public async Task Resource_free_units_run_while_a_slow_resource_comes_up_and_the_instance_stops_after_its_last_unit()
    {
        var postgres = ResourceSet.Of("postgres");
        var plan = FixtureProject.Plan(
            _fixture.Unit("integration-postgres#1", "integration-postgres", TimeSpan.FromSeconds(10), postgres, "Sees_environment"),
            _fixture.Unit("integration-postgres#2", "integration-postgres", TimeSpan.FromSeconds(9), postgres, "Passes_two"),
            _fixture.Unit("integration-none#1", "integration-none", TimeSpan.FromSeconds(1), ResourceSet.None, "Passes_one"));
        var provider = new FakeResourceProvider { Gated = ["postgres"] };
        var progress = new RecordingProgress();

        var running = TestRunner.RunAsync(plan, Options(), provider, progress, CancellationToken.None);
        Assert.True(await FixtureProject.EventuallyAsync(() => progress.Events.Any(e => e.Event == "unit finished integration-none#1 Passed"), TimeSpan.FromSeconds(60)), "the resource-free unit did not run while postgres was starting");
        provider.Open("postgres");
        var record = await running;

        Assert.All(record.Units, run => Assert.Equal(UnitExit.Passed, run.Exit));
        var ready = provider.ReadyAt["postgres"];
        var free = record.Units.Single(run => run.PartitionId == "integration-none");
        Assert.True(free.StartedAt < ready);
        var needing = record.Units.Where(run => run.PartitionId == "integration-postgres").ToList();
        Assert.Equal(2, needing.Count);
        Assert.All(needing, run => Assert.True(run.StartedAt >= ready));
        Assert.True(provider.StoppedAt["postgres"] >= needing.Max(run => run.FinishedAt), "postgres was stopped before its last unit finished");
        var lifetime = Assert.Single(record.Containers);
        Assert.Equal(("postgres", "container-postgres"), (lifetime.InstanceName, lifetime.ContainerId));
        Assert.Equal(["integration-postgres"], lifetime.Partitions);
        Assert.NotNull(lifetime.RemovedAt);
        Assert.Equal(["postgres/integration-postgres#1", "postgres/integration-postgres#2"], provider.Namespaces.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_ready_instance_creates_its_units_namespaces_while_the_unit_waits_for_another_instance()
    {
        var both = ResourceSet.Of("postgres", "redis");
        var plan = FixtureProject.Plan(_fixture.Unit("integration-postgres+redis#1", "integration-postgres+redis", TimeSpan.FromSeconds(1), both, "Sees_environment"));
        var provider = new FakeResourceProvider { Gated = ["redis"] };

        var running = TestRunner.RunAsync(plan, Options(), provider, new RecordingProgress(), CancellationToken.None);
        Assert.True(
            await FixtureProject.EventuallyAsync(() => provider.Namespaces.Contains("postgres/integration-postgres+redis#1"), TimeSpan.FromSeconds(60)),
            "postgres's namespace was not created while redis was still starting");
        Assert.False(provider.ReadyAt.ContainsKey("redis"));
        provider.Open("redis");
        var record = await running;

        Assert.Equal(UnitExit.Passed, Assert.Single(record.Units).Exit);
        Assert.Equal(
            ["postgres/integration-postgres+redis#1", "redis/integration-postgres+redis#1"],
            provider.Namespaces.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(20, false)]
    [InlineData(3600, true)]
    public async Task A_container_starts_only_when_a_unit_needing_it_is_due_within_the_lead_time(int leadSeconds, bool startsWhileTheLongUnitRuns)
    {
        // One slot, held by a unit expected to take ten minutes (it really takes a moment).
        var plan = FixtureProject.Plan(
            _fixture.Unit("integration-none#1", "integration-none", TimeSpan.FromMinutes(10), ResourceSet.None, "Passes_one"),
            _fixture.Unit("integration-postgres#1", "integration-postgres", TimeSpan.FromSeconds(1), ResourceSet.Of("postgres"), "Passes_two"));
        var options = Options() with
        {
            Parallelism = ParallelismSettings.Default with { MaxParallelUnits = 1, MaxContainers = 4 },
            ResourceLeadTime = TimeSpan.FromSeconds(leadSeconds),
        };

        var record = await TestRunner.RunAsync(plan, options, new FakeResourceProvider(), new RecordingProgress(), CancellationToken.None);

        Assert.All(record.Units, run => Assert.Equal(UnitExit.Passed, run.Exit));
        var longUnit = record.Units.Single(run => run.PartitionId == "integration-none");
        var container = Assert.Single(record.Containers);
        Assert.Equal(startsWhileTheLongUnitRuns, container.CreatedAt < longUnit.FinishedAt);
    }

    [Fact]
    public async Task Failing_resource_start_marks_only_the_units_that_need_it_NotStarted()
    {
        var plan = FixtureProject.Plan(
            _fixture.Unit("integration-redis#1", "integration-redis", TimeSpan.FromSeconds(5), ResourceSet.Of("redis"), "Passes_one"),
            _fixture.Unit("integration-postgres#1", "integration-postgres", TimeSpan.FromSeconds(4), ResourceSet.Of("postgres"), "Sees_environment"),
            _fixture.Unit("integration-none#1", "integration-none", TimeSpan.FromSeconds(1), ResourceSet.None, "Passes_two"));
        var provider = new FakeResourceProvider { Failing = ["redis"] };

        var record = await TestRunner.RunAsync(plan, Options(), provider, new RecordingProgress(), CancellationToken.None);

        var byUnit = record.Units.ToDictionary(run => run.UnitId);
        Assert.Equal(UnitExit.NotStarted, byUnit["integration-redis#1"].Exit);
        Assert.Contains("refused to start on purpose", byUnit["integration-redis#1"].ExitDetail, StringComparison.Ordinal);
        Assert.Equal([FixtureProject.Test("Passes_one")], byUnit["integration-redis#1"].ExpectedTests);
        Assert.Equal(UnitExit.Passed, byUnit["integration-postgres#1"].Exit);
        Assert.Equal(UnitExit.Passed, byUnit["integration-none#1"].Exit);
        Assert.Contains(record.Containers, lifetime => lifetime.InstanceName == "redis" && lifetime.ReadyAt is null);
    }

    [Fact]
    public async Task Retries_and_repetitions_get_fresh_namespaces_and_dedicated_instances_per_unit_and_repetition()
    {
        var marker = Path.Combine(_results, "flaky-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_results);
        var postgres = ResourceSet.Of("postgres");
        var plan = FixtureProject.Plan(
            _fixture.Unit("integration-postgres#1", "integration-postgres", TimeSpan.FromSeconds(5), postgres, "Flaky", "Sees_environment"));
        var options = Options(IsolationMode.Dedicated) with
        {
            // One slot makes the order deterministic: repetition 0 meets the flaky test first.
            Parallelism = ParallelismSettings.Default with { MaxParallelUnits = 1 },
            Retries = 1,
            Repeat = 2,
            TestEnvironment = ImmutableDictionary<string, string>.Empty.Add("FIXTURE_FLAKY_MARKER", marker),
        };
        var provider = new FakeResourceProvider();

        var record = await TestRunner.RunAsync(plan, options, provider, new RecordingProgress(), CancellationToken.None);

        Assert.Equal(
            [(0, 0, UnitExit.TestsFailed), (0, 1, UnitExit.Passed), (1, 0, UnitExit.Passed)],
            record.Units.Select(run => (run.Repetition, run.Attempt, run.Exit)).Order());
        Assert.Equal(
            ["postgres-integration-postgres#1-r1/integration-postgres#1-r1-a0", "postgres-integration-postgres#1/integration-postgres#1", "postgres-integration-postgres#1/integration-postgres#1-r0-a1"],
            provider.Namespaces.Order(StringComparer.Ordinal));
        Assert.Equal(
            ["postgres-integration-postgres#1", "postgres-integration-postgres#1-r1"],
            record.Containers.Select(lifetime => lifetime.InstanceName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(IsolationMode.Shared, new[] { "postgres/integration-postgres#1", "postgres/integration-postgres#2" })]
    [InlineData(IsolationMode.Dedicated, new[] { "postgres-integration-postgres#1/integration-postgres#1", "postgres-integration-postgres#2/integration-postgres#2" })]
    public async Task Units_of_one_split_partition_never_share_a_namespace(IsolationMode isolation, string[] expected)
    {
        var postgres = ResourceSet.Of("postgres");
        var plan = FixtureProject.Plan(
            _fixture.Unit("integration-postgres#1", "integration-postgres", TimeSpan.FromSeconds(5), postgres, "Passes_one"),
            _fixture.Unit("integration-postgres#2", "integration-postgres", TimeSpan.FromSeconds(5), postgres, "Passes_two"));
        var provider = new FakeResourceProvider();

        var record = await TestRunner.RunAsync(plan, Options(isolation), provider, new RecordingProgress(), CancellationToken.None);

        Assert.All(record.Units, run => Assert.Equal(UnitExit.Passed, run.Exit));
        Assert.Equal(expected, provider.Namespaces.Order(StringComparer.Ordinal));
    }
}
