using Orchestrator.Model;
using Orchestrator.Planning;
using Orchestrator.Reporting;
using Orchestrator.Results.Trx;
using Orchestrator.Security;
using Xunit;

namespace Orchestrator.Tests.Reporting;

[Trait("Category", "Integration")]
public sealed class TimingStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("orchestrator-timings-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    [Fact]
    public async Task Durations_are_smoothed_exponentially_and_samples_counted()
    {
        var path = PathOf("timings.json");
        var key = new TestKey("App.Tests", "App.Tests.Calc.Adds");

        await TimingStore.UpdateAsync(path, [new(key, TimeSpan.FromMilliseconds(1000))], CancellationToken.None);
        var warning = await TimingStore.UpdateAsync(path, [new(key, TimeSpan.FromMilliseconds(2000))], CancellationToken.None);
        var (history, loadWarning) = TimingStore.Load(path);

        Assert.Null(warning);
        Assert.Null(loadWarning);
        Assert.Equal(1000 + (TimingStore.Alpha * 1000), history[key].TotalMilliseconds, precision: 3);
        Assert.Contains("\"samples\": 2", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_an_empty_history_without_warning()
    {
        var (history, warning) = TimingStore.Load(PathOf("absent.json"));

        Assert.Empty(history);
        Assert.Null(warning);
    }

    [Fact]
    public async Task A_corrupt_file_is_reported_ignored_and_replaced()
    {
        var path = PathOf("timings.json");
        await File.WriteAllTextAsync(path, "{ \"version\": 1, \"tests\": [ { \"assembly\": ");
        var key = new TestKey("App.Tests", "App.Tests.Calc.Adds");

        var (history, loadWarning) = TimingStore.Load(path);
        var updateWarning = await TimingStore.UpdateAsync(path, [new(key, TimeSpan.FromSeconds(3))], CancellationToken.None);

        Assert.Empty(history);
        Assert.Contains(path, loadWarning, StringComparison.Ordinal);
        Assert.Contains("unreadable", updateWarning, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(3), TimingStore.Load(path).History[key]);
    }

    [Fact]
    public async Task Writing_leaves_no_temporary_file_behind()
    {
        var path = PathOf("timings.json");

        await TimingStore.UpdateAsync(path, [new(new TestKey("A", "A.B.C"), TimeSpan.FromSeconds(1))], CancellationToken.None);

        Assert.Equal(["timings.json"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_file_written_before_start_up_was_measured_still_reads_and_assumes_the_default()
    {
        var path = PathOf("timings.json");
        await File.WriteAllTextAsync(path, """
            { "version": 1, "alpha": 0.3, "tests": [ { "assembly": "App.Tests", "name": "App.Tests.Calc.Adds", "milliseconds": 250, "samples": 4 } ] }
            """);

        var (history, warning) = TimingStore.LoadHistory(path);

        Assert.Null(warning);
        Assert.Equal(TimeSpan.FromMilliseconds(250), history.Estimate(new TestKey("App.Tests", "App.Tests.Calc.Adds")));
        Assert.Empty(history.StartUps);
        Assert.Equal(TimingHistory.DefaultStartUp, history.StartUp("App.Tests"));
    }

    [Fact]
    public async Task Start_up_is_learned_from_every_shard_of_a_merged_run_and_smoothed_in_start_order()
    {
        var path = PathOf("timings.json");
        var first = Sample.Key("Adds");
        var second = Sample.Key("Subtracts");
        // Two shards' units merged into one record: 4 s and then 2 s of overhead.
        var record = Sample.WithResults(
            Sample.Record([Sample.Unit("unit-none#1", [first], seconds: 5), Sample.Unit("unit-none#2", [second], startSeconds: 10, seconds: 3)]),
            [Sample.Trx(Sample.Result(first, TrxOutcome.Passed, milliseconds: 1000)), Sample.Trx(Sample.Result(second, TrxOutcome.Passed, milliseconds: 1000))]);
        var run = ResultsMerger.Merge(record, ["unit"], QuarantineMatcher.None, false, new SecretRedactor());

        var warning = await TimingStore.UpdateAsync(path, run, CancellationToken.None);
        var (history, loadWarning) = TimingStore.LoadHistory(path);

        Assert.Null(warning);
        Assert.Null(loadWarning);
        Assert.Equal(4000 + (TimingStore.Alpha * (2000 - 4000)), history.StartUp("App.Tests").TotalMilliseconds, precision: 3);
        Assert.Equal(TimeSpan.FromSeconds(1), history.Estimate(first));
        Assert.Contains("\"startUps\"", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }
}
