using System.Collections.Concurrent;
using Orchestrator.Execution;
using Orchestrator.Results;

namespace Orchestrator.Tests.Execution;

/// <summary>
/// Runs no process: each unit attempt waits until the test calls <see cref="Finish"/> (or ends at once when
/// <see cref="EndsAtOnce"/> says how), records what it was given and how many ran at the same time.
/// </summary>
internal sealed class FakeUnitRunner(TimeProvider time) : IUnitRunner
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<FakeUnitEnd>> _ends = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _running;

    /// <summary>Recorded ids in the order the attempts started.</summary>
    public ConcurrentQueue<string> Started { get; } = new();

    public ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> Environments { get; } = new(StringComparer.Ordinal);

    public int MostAtOnce { get; private set; }

    /// <summary>How an attempt ends as soon as it starts; null makes it wait for <see cref="Finish"/>.</summary>
    public Func<UnitAttempt, FakeUnitEnd?> EndsAtOnce { get; init; } = _ => null;

    /// <summary>Ends the attempt with this recorded id (now, or as soon as it starts).</summary>
    public void Finish(string recordedId, UnitExit exit = UnitExit.Passed, params string[] failedTests) =>
        End(recordedId).TrySetResult(new FakeUnitEnd(exit, failedTests));

    public async Task<UnitRun> RunAsync(UnitAttempt attempt, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var startedAt = time.GetUtcNow();
        Environments[attempt.RecordedId] = environment;
        lock (_lock)
        {
            MostAtOnce = Math.Max(MostAtOnce, ++_running);
        }
        Started.Enqueue(attempt.RecordedId);
        FakeUnitEnd end;
        try
        {
            end = EndsAtOnce(attempt) ?? await End(attempt.RecordedId).Task.WaitAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            end = new FakeUnitEnd(UnitExit.Cancelled, []);
        }
        finally
        {
            lock (_lock)
            {
                _running--;
            }
        }
        var unit = attempt.Unit;
        var finishedAt = time.GetUtcNow();
        var run = attempt.Record(trxPath: null, startedAt, finishedAt, end.Exit, detail: null);
        var streamed = end.Exit == UnitExit.Cancelled
            ? []
            : unit.Tests.Select(test => new LiveTestResult(
                test.FullyQualifiedName,
                test.FullyQualifiedName,
                $"/bin/{test.Assembly}.dll",
                end.FailedTests.Contains(test.FullyQualifiedName) ? TestResultOutcome.Failed : TestResultOutcome.Passed,
                TimeSpan.Zero,
                null)).ToList();
        return run with { Results = UnitResultReader.FromLive(streamed, finishedAt, new Orchestrator.Security.SecretRedactor()) };
    }

    private TaskCompletionSource<FakeUnitEnd> End(string recordedId) =>
        _ends.GetOrAdd(recordedId, _ => new TaskCompletionSource<FakeUnitEnd>(TaskCreationOptions.RunContinuationsAsynchronously));
}
