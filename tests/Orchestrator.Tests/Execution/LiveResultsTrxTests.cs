using Orchestrator.Execution;
using Orchestrator.Model;
using Orchestrator.Results.Trx;
using Xunit;

namespace Orchestrator.Tests.Execution;

[Trait("Category", "Unit")]
public sealed class LiveResultsTrxTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("orchestrator-live-trx-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_streamed_results_of_a_killed_unit_read_back_with_their_keys_outcomes_and_messages()
    {
        const string source = "/repo/artifacts/bin/App.Tests/release/App.Tests.dll";
        LiveTestResult[] streamed =
        [
            new("App.Tests.Orders.Saves", "Saves", source, TestResultOutcome.Passed, TimeSpan.FromMilliseconds(120), null),
            new("App.Tests.Orders.Rejects", "Rejects", source, TestResultOutcome.Failed, TimeSpan.FromSeconds(1), "expected 2 <but> was 3 & more"),
            new("App.Tests.Prices.Rounds", "Rounds(value: 1.5)", source, TestResultOutcome.Passed, TimeSpan.Zero, null),
            new("App.Tests.Prices.Rounds", "Rounds(value: 2.5)", source, TestResultOutcome.Skipped, TimeSpan.Zero, null),
            new("App.Tests.Orders.Unknown", "Unknown", source, TestResultOutcome.None, TimeSpan.Zero, null),
        ];
        var path = Path.Combine(_directory, "unit.trx");
        var finished = DateTimeOffset.UtcNow;

        LiveResultsTrx.Write(path, streamed, finished.AddSeconds(-5), finished, "killed on Ctrl+C");

        var run = TrxReader.Read(path);
        Assert.Equal(
            [
                (new TestKey("App.Tests", "App.Tests.Orders.Rejects"), TrxOutcome.Failed),
                (new TestKey("App.Tests", "App.Tests.Orders.Saves"), TrxOutcome.Passed),
                (new TestKey("App.Tests", "App.Tests.Prices.Rounds"), TrxOutcome.Passed),
                (new TestKey("App.Tests", "App.Tests.Prices.Rounds"), TrxOutcome.NotExecuted),
            ],
            run.Results.Select(result => (result.Key, result.Outcome)).OrderBy(pair => pair.Key.FullyQualifiedName, StringComparer.Ordinal).ThenBy(pair => pair.Outcome));
        // Theory rows keep their own display names.
        Assert.Equal(["Rounds(value: 1.5)", "Rounds(value: 2.5)"], run.Results.Where(result => result.Key.FullyQualifiedName.EndsWith("Rounds", StringComparison.Ordinal)).Select(result => result.DisplayName).Order(StringComparer.Ordinal));
        Assert.Equal("expected 2 <but> was 3 & more", run.Results.Single(result => result.Outcome == TrxOutcome.Failed).ErrorMessage);
        Assert.Equal(TimeSpan.FromSeconds(1), run.Results.Single(result => result.Outcome == TrxOutcome.Failed).Duration);
    }
}
