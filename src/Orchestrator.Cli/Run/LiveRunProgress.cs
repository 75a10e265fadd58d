using Orchestrator.Execution;
using Orchestrator.Model;
using Orchestrator.Planning;
using Orchestrator.Resources;
using Orchestrator.Results;
using Orchestrator.Security;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Orchestrator.Cli.Run;

/// <summary>
/// Progress for interactive terminals: a live table of partitions (tests done of total, failures),
/// containers (starting, ready, stopped) and the latest failures, refreshed a few times a second.
/// Every text passes through the redactor.
/// </summary>
internal sealed class LiveRunProgress : IRunProgressRenderer
{
    private const int ShownFailures = 8;
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);

    private readonly IAnsiConsole _console;
    private readonly SecretRedactor _redactor;
    private readonly RunProgressState _state = new();
    private readonly CancellationTokenSource _finished = new();
    private Task _display = Task.CompletedTask;

    public LiveRunProgress(IAnsiConsole console, SecretRedactor redactor)
    {
        _console = console;
        _redactor = redactor;
    }

    public void RunStarted(TestPlan plan, RunOptions options)
    {
        _state.Start(plan, options);
        _display = _console.Live(Render()).AutoClear(false).StartAsync(async context =>
        {
            using var timer = new PeriodicTimer(RefreshInterval);
            try
            {
                while (await timer.WaitForNextTickAsync(_finished.Token))
                {
                    context.UpdateTarget(Render());
                }
            }
            catch (OperationCanceledException)
            {
                // The run finished; the last frame is drawn below.
            }
            context.UpdateTarget(Render());
        });
    }

    public void UnitStarted(UnitStart unit) => _state.UnitStarted();

    public void TestFinished(UnitStart unit, LiveTestResult result) => _state.Result(unit.PartitionId, result);

    public void UnitFinished(UnitRun run) => _state.UnitFinished(run);

    public void ResourceStarting(string instanceName, string resource) => _state.Container(instanceName, "starting");

    public void ResourceReady(ResourceInstance instance) => _state.ContainerReady(instance);

    public void ResourceFailed(string instanceName, string resource, string cause) => _state.Container(instanceName, "failed: " + cause);

    public void ResourceRestarting(string instanceName, string resource, string cause) => _state.Container(instanceName, "starting");

    public void ResourceStopped(string instanceName, string resource) => _state.Container(instanceName, "stopped");

    public void RetriesScheduled(UnitRun failed, int attempt, IReadOnlyList<TestKey> tests) => _state.RetriesScheduled(failed.PartitionId, tests.Count);

    public void RunFinished(RunRecord record) => _finished.Cancel();

    public async ValueTask DisposeAsync()
    {
        await _finished.CancelAsync();
        await _display;
        _finished.Dispose();
    }

    /// <summary>The current frame.</summary>
    internal IRenderable Render()
    {
        var snapshot = _state.Take();
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumns("Partition", "Tests", "Failed");
        foreach (var partition in snapshot.Partitions)
        {
            table.AddRow(
                new Markup(Text(partition.Id)),
                new ProgressText(partition.Done, partition.Total).Render(),
                new Markup(partition.Failed == 0 ? "[green]0[/]" : $"[red]{partition.Failed}[/]"));
        }
        var rows = new List<IRenderable> { table };
        if (snapshot.Containers.Count > 0)
        {
            var containers = new Table().Border(TableBorder.Simple).AddColumns("Container", "State");
            foreach (var (instance, status) in snapshot.Containers)
            {
                containers.AddRow(Text(instance), Text(status));
            }
            rows.Add(containers);
        }
        foreach (var failure in snapshot.Failures.TakeLast(ShownFailures))
        {
            rows.Add(new Markup($"[red]FAILED[/] {Text(failure)}"));
        }
        rows.Add(new Markup($"[grey]{snapshot.Done}/{snapshot.Total} tests, {snapshot.Failed} failed, {snapshot.RunningUnits} unit(s) running[/]"));
        return new Rows(rows);
    }

    private string Text(string text) => Markup.Escape(_redactor.Redact(text));

    private readonly record struct ProgressText(int Done, int Total)
    {
        public Markup Render() => new(Done >= Total && Total > 0 ? $"[green]{Done}/{Total}[/]" : $"{Done}/{Total}");
    }
}
