using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Configuration;
using Orchestrator.Execution;
using Orchestrator.Model;
using Orchestrator.Planning;
using Orchestrator.Results;
using Orchestrator.Security;
using Xunit;

namespace Orchestrator.Tests.Execution;

/// <summary>The scheduler against a fake unit runner, fake resources and a fake clock: no process, no container, no waiting.</summary>
[Trait("Category", "Unit")]
public sealed class UnitSchedulerTests
{
    private const string Assembly = "Fixture.Tests";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));

    private static RunOptions Options(int slots = 2, IsolationMode isolation = IsolationMode.Shared) =>
        new RunOptions("run-" + Guid.NewGuid().ToString("N")[..8], "/results")
        {
            Parallelism = ParallelismSettings.Default with { MaxParallelUnits = slots, MaxContainers = 4 },
            Resources = ImmutableDictionary<string, ResourceDefinition>.Empty
                .Add("postgres", new ResourceDefinition { Name = "postgres", Isolation = new IsolationSettings(isolation) })
                .Add("redis", new ResourceDefinition { Name = "redis", Isolation = new IsolationSettings(isolation) }),
        };

    private static ExecutionUnit Unit(string id, TimeSpan expected, ResourceSet resources, params string[] tests) =>
        new(
            id,
            id[..id.IndexOf('#', StringComparison.Ordinal)],
            "integration",
            resources,
            [.. tests.Select(test => new TestKey(Assembly, $"Fixture.{test}"))],
            [$"/bin/{Assembly}.dll"],
            string.Join('|', tests.Select(test => $"FullyQualifiedName=Fixture.{test}")),
            expected);

    private static TestPlan Plan(params ExecutionUnit[] units) =>
        new(
            "commit",
            [.. units.GroupBy(unit => unit.PartitionId).Select(group => new Partition(group.Key, group.First().Layer, group.First().Resources, [.. group]))],
            [],
            new PlanPrediction(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 1));

    private UnitScheduler Scheduler(FakeUnitRunner runner) => new(runner, NullRunProgress.Instance, _time);

    /// <summary>Polls (real time) until the condition holds; the scheduler works on other threads.</summary>
    private static async Task Until(Func<bool> condition, string what)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (!condition())
        {
            Assert.False(deadline.IsCancellationRequested, $"Timed out waiting until {what}.");
            await Task.Delay(TimeSpan.FromMilliseconds(5), CancellationToken.None);
        }
    }

    [Fact]
    public async Task No_more_units_than_slots_run_at_once_and_the_longest_start_first()
    {
        var plan = Plan(
            Unit("unit-a#1", TimeSpan.FromSeconds(1), ResourceSet.None, "A"),
            Unit("unit-b#1", TimeSpan.FromSeconds(4), ResourceSet.None, "B"),
            Unit("unit-c#1", TimeSpan.FromSeconds(3), ResourceSet.None, "C"),
            Unit("unit-d#1", TimeSpan.FromSeconds(2), ResourceSet.None, "D"));
        var runner = new FakeUnitRunner(_time);

        var running = Scheduler(runner).RunAsync(plan, Options(slots: 2), null, CancellationToken.None);
        await Until(() => runner.Started.Count == 2, "two units started");
        Assert.Equal(["unit-b#1", "unit-c#1"], runner.Started);
        runner.Finish("unit-c#1");
        await Until(() => runner.Started.Count == 3, "a third unit took the freed slot");
        Assert.Equal("unit-d#1", runner.Started.Last());
        foreach (var id in new[] { "unit-a#1", "unit-b#1", "unit-d#1" })
        {
            runner.Finish(id);
        }
        var record = await running;

        Assert.Equal(2, runner.MostAtOnce);
        Assert.Equal(["unit-b#1", "unit-c#1", "unit-d#1", "unit-a#1"], runner.Started);
        Assert.All(record.Units, run => Assert.Equal(UnitExit.Passed, run.Exit));
        Assert.False(record.Incomplete);
    }

    [Fact]
    public async Task A_resource_with_a_concurrency_of_one_is_used_by_one_unit_at_a_time_while_other_units_take_the_free_slots()
    {
        var redis = ResourceSet.Of("redis");
        var plan = Plan(
            Unit("integration-redis#1", TimeSpan.FromSeconds(10), redis, "R1"),
            Unit("integration-redis#2", TimeSpan.FromSeconds(9), redis, "R2"),
            Unit("integration-none#1", TimeSpan.FromSeconds(1), ResourceSet.None, "Free"));
        var runner = new FakeUnitRunner(_time);
        var options = Options(slots: 3);
        options = options with { Resources = options.Resources.SetItem("redis", options.Resources["redis"] with { Concurrency = 1 }) };

        var running = Scheduler(runner).RunAsync(plan, options, new FakeResourceProvider(), CancellationToken.None);
        await Until(() => runner.Started.Count == 2, "the first redis unit and the resource-free unit started");
        Assert.Equal(["integration-none#1", "integration-redis#1"], runner.Started.Order(StringComparer.Ordinal));
        _time.Advance(TimeSpan.FromSeconds(1));
        runner.Finish("integration-none#1");
        runner.Finish("integration-redis#1");
        await Until(() => runner.Started.Count == 3, "the second redis unit started once the first ended");
        runner.Finish("integration-redis#2");
        var record = await running;

        Assert.All(record.Units, run => Assert.Equal(UnitExit.Passed, run.Exit));
        var first = record.Units.Single(run => run.UnitId == "integration-redis#1");
        var second = record.Units.Single(run => run.UnitId == "integration-redis#2");
        Assert.True(second.StartedAt >= first.FinishedAt, "the two units of a resource with concurrency 1 overlapped");
    }

    [Fact]
    public async Task Resource_free_units_run_while_a_slow_resource_comes_up_and_the_instance_stops_after_its_last_unit()
    {
        var postgres = ResourceSet.Of("postgres");
        var plan = Plan(
            Unit("integration-postgres#1", TimeSpan.FromSeconds(10), postgres, "P1"),
            Unit("integration-postgres#2", TimeSpan.FromSeconds(9), postgres, "P2"),
            Unit("integration-none#1", TimeSpan.FromSeconds(1), ResourceSet.None, "Free"));
        var runner = new FakeUnitRunner(_time);
        var provider = new FakeResourceProvider { Gated = ["postgres"] };

        var running = Scheduler(runner).RunAsync(plan, Options(), provider, CancellationToken.None);
        await Until(() => runner.Started.Contains("integration-none#1"), "the resource-free unit started");
        runner.Finish("integration-none#1");
        await Until(() => provider.Calls.Any(call => call.Call == "start postgres"), "postgres was started");
        Assert.Equal(["integration-none#1"], runner.Started);
        provider.Open("postgres");
        await Until(() => runner.Started.Count == 3, "both postgres units started");
        Assert.Empty(provider.StoppedAt);
        runner.Finish("integration-postgres#1");
        runner.Finish("integration-postgres#2");
        var record = await running;

        Assert.All(record.Units, run => Assert.Equal(UnitExit.Passed, run.Exit));
        Assert.True(provider.StoppedAt.ContainsKey("postgres"), "postgres was not stopped");
        var lifetime = Assert.Single(record.Containers);
        Assert.Equal(("postgres", "container-postgres"), (lifetime.InstanceName, lifetime.ContainerId));
        Assert.Equal(["integration-postgres"], lifetime.Partitions);
        Assert.NotNull(lifetime.RemovedAt);
        Assert.Equal(["postgres/integration-postgres#1", "postgres/integration-postgres#2"], provider.Namespaces.Order(StringComparer.Ordinal));
        Assert.Equal(
            [$"{record.RunId}/postgres"],
            record.Units.Single(run => run.UnitId == "integration-postgres#1").Instances);
    }

    [Fact]
    public async Task A_ready_instance_creates_its_units_namespaces_while_the_unit_waits_for_another_instance()
    {
        var plan = Plan(Unit("integration-postgres+redis#1", TimeSpan.FromSeconds(1), ResourceSet.Of("postgres", "redis"), "Both"));
        var runner = new FakeUnitRunner(_time) { EndsAtOnce = _ => new FakeUnitEnd(UnitExit.Passed, []) };
        var provider = new FakeResourceProvider { Gated = ["redis"] };

        var running = Scheduler(runner).RunAsync(plan, Options(), provider, CancellationToken.None);
        await Until(() => provider.Namespaces.Contains("postgres/integration-postgres+redis#1"), "postgres's namespace was created while redis was still starting");
        Assert.Empty(runner.Started);
        provider.Open("redis");
        var record = await running;

        Assert.Equal(UnitExit.Passed, Assert.Single(record.Units).Exit);
        Assert.Equal(["postgres/integration-postgres+redis#1", "redis/integration-postgres+redis#1"], provider.Namespaces.Order(StringComparer.Ordinal));
        Assert.Equal("from-orchestrator", runner.Environments["integration-postgres+redis#1"]["FIXTURE_VALUE"]);
    }

    [Fact]
    public async Task A_container_starts_only_once_a_unit_needing_it_is_due_within_the_lead_time()
    {
        // One slot, held by a unit expected to take ten minutes; the postgres unit is next in line.
        var plan = Plan(
            Unit("integration-none#1", TimeSpan.FromMinutes(10), ResourceSet.None, "Long"),
            Unit("integration-postgres#1", TimeSpan.FromSeconds(1), ResourceSet.Of("postgres"), "P"));
        var options = Options(slots: 1) with { ResourceLeadTime = TimeSpan.FromSeconds(20) };
        var runner = new FakeUnitRunner(_time);
        var provider = new FakeResourceProvider();

        var running = Scheduler(runner).RunAsync(plan, options, provider, CancellationToken.None);
        await Until(() => runner.Started.Contains("integration-none#1"), "the long unit started");
        _time.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(30));
        await Task.Yield();
        Assert.DoesNotContain(provider.Calls, call => call.Call == "start postgres");
        _time.Advance(TimeSpan.FromSeconds(11));
        await Until(() => provider.Calls.Any(call => call.Call == "start postgres"), "postgres was demanded 20 s before the slot is expected to free");
        Assert.Equal(["integration-none#1"], runner.Started);
        runner.Finish("integration-none#1");
        runner.Finish("integration-postgres#1");
        var record = await running;

        Assert.All(record.Units, run => Assert.Equal(UnitExit.Passed, run.Exit));
        var container = Assert.Single(record.Containers);
        Assert.Equal(_time.GetUtcNow(), container.RemovedAt);
    }

    [Fact]
    public async Task With_a_lead_time_longer_than_the_running_unit_the_container_starts_at_once()
    {
        var plan = Plan(
            Unit("integration-none#1", TimeSpan.FromMinutes(10), ResourceSet.None, "Long"),
            Unit("integration-postgres#1", TimeSpan.FromSeconds(1), ResourceSet.Of("postgres"), "P"));
        var options = Options(slots: 1) with { ResourceLeadTime = TimeSpan.FromHours(1) };
        var runner = new FakeUnitRunner(_time);
        var provider = new FakeResourceProvider();

        var running = Scheduler(runner).RunAsync(plan, options, provider, CancellationToken.None);
        await Until(() => provider.Calls.Any(call => call.Call == "start postgres"), "postgres started while the long unit runs");
        runner.Finish("integration-none#1");
        runner.Finish("integration-postgres#1");

        Assert.All((await running).Units, run => Assert.Equal(UnitExit.Passed, run.Exit));
    }

    [Fact]
    public async Task Failing_resource_start_marks_only_the_units_that_need_it_NotStarted()
    {
        var plan = Plan(
            Unit("integration-redis#1", TimeSpan.FromSeconds(5), ResourceSet.Of("redis"), "R"),
            Unit("integration-postgres#1", TimeSpan.FromSeconds(4), ResourceSet.Of("postgres"), "P"),
            Unit("integration-none#1", TimeSpan.FromSeconds(1), ResourceSet.None, "Free"));
        var runner = new FakeUnitRunner(_time) { EndsAtOnce = _ => new FakeUnitEnd(UnitExit.Passed, []) };
        var provider = new FakeResourceProvider { Failing = ["redis"] };

        var record = await Scheduler(runner).RunAsync(plan, Options(), provider, CancellationToken.None);

        var byUnit = record.Units.ToDictionary(run => run.UnitId);
        Assert.Equal(UnitExit.NotStarted, byUnit["integration-redis#1"].Exit);
        Assert.Contains("refused to start on purpose", byUnit["integration-redis#1"].ExitDetail, StringComparison.Ordinal);
        Assert.Equal([new TestKey(Assembly, "Fixture.R")], byUnit["integration-redis#1"].ExpectedTests);
        Assert.Equal(UnitExit.Passed, byUnit["integration-postgres#1"].Exit);
        Assert.Equal(UnitExit.Passed, byUnit["integration-none#1"].Exit);
        Assert.DoesNotContain("integration-redis#1", runner.Started);
        Assert.Contains(record.Containers, lifetime => lifetime.InstanceName == "redis" && lifetime.ReadyAt is null);
    }

    [Fact]
    public async Task With_retries_a_container_that_failed_to_start_gets_one_fresh_container_and_the_first_failure_is_kept()
    {
        var plan = Plan(
            Unit("integration-redis#1", TimeSpan.FromSeconds(5), ResourceSet.Of("redis"), "R"),
            Unit("integration-postgres#1", TimeSpan.FromSeconds(4), ResourceSet.Of("postgres"), "P"));
        var runner = new FakeUnitRunner(_time) { EndsAtOnce = _ => new FakeUnitEnd(UnitExit.Passed, []) };
        var provider = new FakeResourceProvider { FailingOnce = ["redis"], Failing = ["postgres"] };

        var record = await Scheduler(runner).RunAsync(plan, Options() with { Retries = 1 }, provider, CancellationToken.None);

        var byUnit = record.Units.ToDictionary(run => run.UnitId);
        Assert.Equal(UnitExit.Passed, byUnit["integration-redis#1"].Exit);
        var redis = Assert.Single(record.Containers, lifetime => lifetime.InstanceName == "redis");
        Assert.NotNull(redis.ReadyAt);
        Assert.Contains("refused to start on purpose (start 1)", redis.FirstStartFailure, StringComparison.Ordinal);

        Assert.Equal(UnitExit.NotStarted, byUnit["integration-postgres#1"].Exit);
        Assert.Contains("(start 2)", byUnit["integration-postgres#1"].ExitDetail, StringComparison.Ordinal);
        Assert.Contains("A second container failed as the first did", byUnit["integration-postgres#1"].ExitDetail, StringComparison.Ordinal);
        Assert.Equal(2, provider.Calls.Count(call => call.Call == "start postgres"));
    }

    [Fact]
    public async Task Without_retries_a_container_that_failed_to_start_is_not_started_again()
    {
        var plan = Plan(Unit("integration-redis#1", TimeSpan.FromSeconds(5), ResourceSet.Of("redis"), "R"));
        var runner = new FakeUnitRunner(_time) { EndsAtOnce = _ => new FakeUnitEnd(UnitExit.Passed, []) };
        var provider = new FakeResourceProvider { FailingOnce = ["redis"] };

        var record = await Scheduler(runner).RunAsync(plan, Options(), provider, CancellationToken.None);

        Assert.Equal(UnitExit.NotStarted, Assert.Single(record.Units).Exit);
        Assert.Null(Assert.Single(record.Containers).FirstStartFailure);
        Assert.Single(provider.Calls, call => call.Call == "start redis");
    }

    [Fact]
    public async Task Retries_and_repetitions_get_fresh_namespaces_and_dedicated_instances_per_unit_and_repetition()
    {
        var plan = Plan(Unit("integration-postgres#1", TimeSpan.FromSeconds(5), ResourceSet.Of("postgres"), "Flaky", "Steady"));
        var options = Options(slots: 1, IsolationMode.Dedicated) with { Retries = 1, Repeat = 2 };
        var runner = new FakeUnitRunner(_time)
        {
            // Repetition 0 meets the flaky test first; its re-run and repetition 1 pass.
            EndsAtOnce = attempt => attempt is { Repetition: 0, Attempt: 0 }
                ? new FakeUnitEnd(UnitExit.TestsFailed, ["Fixture.Flaky"])
                : new FakeUnitEnd(UnitExit.Passed, []),
        };
        var provider = new FakeResourceProvider();

        var record = await Scheduler(runner).RunAsync(plan, options, provider, CancellationToken.None);

        Assert.Equal(
            [(0, 0, UnitExit.TestsFailed), (0, 1, UnitExit.Passed), (1, 0, UnitExit.Passed)],
            record.Units.Select(run => (run.Repetition, run.Attempt, run.Exit)).Order());
        Assert.Equal([new TestKey(Assembly, "Fixture.Flaky")], record.Units.Single(run => run.Attempt == 1).ExpectedTests);
        Assert.Equal(
            ["postgres-integration-postgres#1-r1/integration-postgres#1-r1-a0", "postgres-integration-postgres#1/integration-postgres#1", "postgres-integration-postgres#1/integration-postgres#1-r0-a1"],
            provider.Namespaces.Order(StringComparer.Ordinal));
        Assert.Equal(
            ["postgres-integration-postgres#1", "postgres-integration-postgres#1-r1"],
            record.Containers.Select(lifetime => lifetime.InstanceName).Order(StringComparer.Ordinal));
        Assert.NotEqual(
            runner.Environments["integration-postgres#1"]["FIXTURE_CONNECTION"],
            runner.Environments["integration-postgres#1#retry1"]["FIXTURE_CONNECTION"]);
    }

    [Fact]
    public async Task A_re_run_of_a_unit_on_a_shared_resource_gets_a_container_of_its_own_so_a_pass_there_shows_a_pass_alone()
    {
        var postgres = ResourceSet.Of("postgres");
        var plan = Plan(
            Unit("integration-postgres#1", TimeSpan.FromSeconds(5), postgres, "Creates"),
            Unit("integration-postgres#2", TimeSpan.FromSeconds(5), postgres, "Saves"));
        var runner = new FakeUnitRunner(_time)
        {
            EndsAtOnce = attempt => attempt is { Unit.Id: "integration-postgres#1", Attempt: 0 }
                ? new FakeUnitEnd(UnitExit.TestsFailed, ["Fixture.Creates"])
                : new FakeUnitEnd(UnitExit.Passed, []),
        };
        var provider = new FakeResourceProvider();

        var record = await Scheduler(runner).RunAsync(plan, Options(slots: 2) with { Retries = 1 }, provider, CancellationToken.None);

        var retry = record.Units.Single(run => run.Attempt == 1);
        Assert.Equal(UnitExit.Passed, retry.Exit);
        Assert.Equal([$"{record.RunId}/postgres-integration-postgres#1-r0-a1"], retry.Instances);
        Assert.All(record.Units.Where(run => run.Attempt == 0), run => Assert.Equal([$"{record.RunId}/postgres"], run.Instances));
        Assert.Equal(["postgres", "postgres-integration-postgres#1-r0-a1"], record.Containers.Select(lifetime => lifetime.InstanceName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_connection_string_holding_the_secret_is_redacted_to_the_secret_only_keeping_host_and_database()
    {
        var plan = Plan(Unit("integration-postgres#1", TimeSpan.FromSeconds(5), ResourceSet.Of("postgres"), "P1"));
        var redactor = new SecretRedactor();
        var runner = new FakeUnitRunner(_time) { EndsAtOnce = _ => new FakeUnitEnd(UnitExit.Passed, []) };

        await Scheduler(runner).RunAsync(plan, Options(slots: 1) with { Redactor = redactor }, new FakeResourceProvider(), CancellationToken.None);

        var connection = runner.Environments["integration-postgres#1"]["FIXTURE_CONNECTION"];
        Assert.Equal(
            "error connecting to Host=127.0.0.1;Password=***;Database=integration-postgres#1",
            redactor.Redact($"error connecting to {connection}"));
    }

    [Theory]
    [InlineData(IsolationMode.Shared, new[] { "postgres/integration-postgres#1", "postgres/integration-postgres#2" })]
    [InlineData(IsolationMode.Dedicated, new[] { "postgres-integration-postgres#1/integration-postgres#1", "postgres-integration-postgres#2/integration-postgres#2" })]
    public async Task Units_of_one_split_partition_never_share_a_namespace(IsolationMode isolation, string[] expected)
    {
        var postgres = ResourceSet.Of("postgres");
        var plan = Plan(
            Unit("integration-postgres#1", TimeSpan.FromSeconds(5), postgres, "P1"),
            Unit("integration-postgres#2", TimeSpan.FromSeconds(5), postgres, "P2"));
        var runner = new FakeUnitRunner(_time) { EndsAtOnce = _ => new FakeUnitEnd(UnitExit.Passed, []) };
        var provider = new FakeResourceProvider();

        var record = await Scheduler(runner).RunAsync(plan, Options(isolation: isolation), provider, CancellationToken.None);

        Assert.All(record.Units, run => Assert.Equal(UnitExit.Passed, run.Exit));
        Assert.Equal(expected, provider.Namespaces.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Cancellation_stops_the_running_unit_records_the_waiting_ones_as_cancelled_and_stops_the_resources()
    {
        var postgres = ResourceSet.Of("postgres");
        var plan = Plan(
            Unit("integration-postgres#1", TimeSpan.FromSeconds(5), postgres, "P1"),
            Unit("integration-postgres#2", TimeSpan.FromSeconds(4), postgres, "P2"));
        var runner = new FakeUnitRunner(_time);
        var provider = new FakeResourceProvider();
        using var cancel = new CancellationTokenSource();

        var running = Scheduler(runner).RunAsync(plan, Options(slots: 1), provider, cancel.Token);
        await Until(() => runner.Started.Count == 1, "the first unit started");
        await cancel.CancelAsync();
        var record = await running;

        Assert.True(record.Incomplete);
        var byUnit = record.Units.ToDictionary(run => run.UnitId);
        Assert.Equal(UnitExit.Cancelled, byUnit["integration-postgres#1"].Exit);
        Assert.Equal(UnitExit.Cancelled, byUnit["integration-postgres#2"].Exit);
        Assert.Equal("Run cancelled before the unit started.", byUnit["integration-postgres#2"].ExitDetail);
        Assert.Equal(["integration-postgres#1"], runner.Started);
        Assert.True(provider.StoppedAt.ContainsKey("postgres"), "postgres was left running after cancellation");
    }

    [Fact]
    public async Task A_unit_needing_an_unconfigured_resource_is_recorded_NotStarted_with_the_fix_and_the_others_run()
    {
        var plan = Plan(
            Unit("integration-kafka#1", TimeSpan.FromSeconds(5), ResourceSet.Of("kafka"), "K"),
            Unit("integration-none#1", TimeSpan.FromSeconds(1), ResourceSet.None, "Free"));
        var runner = new FakeUnitRunner(_time) { EndsAtOnce = _ => new FakeUnitEnd(UnitExit.Passed, []) };

        var record = await Scheduler(runner).RunAsync(plan, Options(), new FakeResourceProvider(), CancellationToken.None);

        var kafka = record.Units.Single(run => run.UnitId == "integration-kafka#1");
        Assert.Equal(UnitExit.NotStarted, kafka.Exit);
        Assert.Equal("Resource 'kafka' is not configured: add it under 'resources' in orchestrator.json.", kafka.ExitDetail);
        Assert.Equal(["integration-none#1"], runner.Started);
    }

    [Fact]
    public async Task Alone_repetitions_run_one_at_a_time_before_the_alongside_ones_which_run_in_parallel()
    {
        var selected = Unit("integration#1", TimeSpan.FromSeconds(1), ResourceSet.None, "Selected");
        var plan = Plan(selected) with { Alongside = [Unit("integration#2", TimeSpan.FromSeconds(3), ResourceSet.None, "Selected", "Sibling")] };
        var options = Options(slots: 2) with { Repeat = 3, Modes = [RepetitionMode.Alone, RepetitionMode.Alongside] };
        var runner = new FakeUnitRunner(_time)
        {
            EndsAtOnce = attempt => attempt.Mode == RepetitionMode.Alone ? new FakeUnitEnd(UnitExit.Passed, []) : null,
        };

        var running = Scheduler(runner).RunAsync(plan, options, null, CancellationToken.None);
        await Until(() => runner.Started.Count == 5, "two alongside repetitions run at once after the alone ones");
        Assert.Equal(2, runner.MostAtOnce);
        runner.Finish("integration#2");
        var record = await running.WaitAsync(Deadline);

        Assert.Equal(["integration#1", "integration#1", "integration#1", "integration#2", "integration#2", "integration#2"], runner.Started);
        Assert.Equal([0, 1, 2], record.Units.Where(run => run.Mode == RepetitionMode.Alone).Select(run => run.Repetition).Order());
        Assert.Equal([3, 4, 5], record.Units.Where(run => run.Mode == RepetitionMode.Alongside).Select(run => run.Repetition).Order());
        Assert.Equal([new TestKey(Assembly, "Fixture.Selected")], record.Repeat!.Selected);
    }

    [Fact]
    public async Task Until_fail_stops_starting_a_modes_repetitions_once_one_failed_and_records_how_many_started()
    {
        var plan = Plan(Unit("integration#1", TimeSpan.FromSeconds(1), ResourceSet.None, "Counted"));
        var options = Options(slots: 2) with { Repeat = 10, Modes = [RepetitionMode.Alone], UntilFail = true };
        var runner = new FakeUnitRunner(_time)
        {
            EndsAtOnce = attempt => attempt.Repetition == 2 ? new FakeUnitEnd(UnitExit.TestsFailed, ["Fixture.Counted"]) : new FakeUnitEnd(UnitExit.Passed, []),
        };

        var record = await Scheduler(runner).RunAsync(plan, options, null, CancellationToken.None);

        Assert.Equal([0, 1, 2], record.Units.Select(run => run.Repetition).Order());
        Assert.Equal([new StoppedEarly(RepetitionMode.Alone, 3)], record.Repeat!.Stopped);
        Assert.Equal(1, runner.MostAtOnce);
        Assert.False(record.Incomplete);
    }

    [Fact]
    public async Task A_long_repetition_on_a_shared_instance_holds_no_more_namespaces_than_can_run_at_once_and_gives_each_back()
    {
        var plan = Plan(Unit("integration-redis#1", TimeSpan.FromSeconds(1), ResourceSet.Of("redis"), "Stored"));
        var options = Options(slots: 2) with { Repeat = 70, Modes = [RepetitionMode.Alone] };
        var runner = new FakeUnitRunner(_time) { EndsAtOnce = _ => new FakeUnitEnd(UnitExit.Passed, []) };
        var provider = new FakeResourceProvider();

        var record = await Scheduler(runner).RunAsync(plan, options, provider, CancellationToken.None).WaitAsync(Deadline);

        Assert.Equal(70, record.Units.Count(run => run.Exit == UnitExit.Passed));
        Assert.InRange(provider.MostLiveNamespaces, 1, options.Parallelism.EffectiveParallelUnits);
        Assert.Equal(provider.Namespaces.Order(StringComparer.Ordinal), provider.ReleasedNamespaces.Order(StringComparer.Ordinal));
    }
}
