using Orchestrator.Model;
using Orchestrator.Reporting;
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
}
