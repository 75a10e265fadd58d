using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.Execution;

namespace Orchestrator.Cli.Tests.Execution;

/// <summary>
/// The results directory of one test's real unit runs (removed afterwards) and the run options those tests start
/// from: two slots and timeouts generous enough for a loaded machine.
/// </summary>
internal sealed class UnitRunDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "orchestrator-execution-results-" + Guid.NewGuid().ToString("N")[..12]);

    public RunOptions Options(params (string Name, string Value)[] environment) =>
        new RunOptions("run-" + Guid.NewGuid().ToString("N")[..8], Path)
        {
            Parallelism = ParallelismSettings.Default with { MaxParallelUnits = 2 },
            Timeouts = new TimeoutSettings(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30)),
            TestEnvironment = environment.ToImmutableDictionary(pair => pair.Name, pair => pair.Value),
        };

    /// <summary>A fresh path inside the directory (created) for a marker file the fixture writes.</summary>
    public string Marker(string name)
    {
        Directory.CreateDirectory(Path);
        return System.IO.Path.Combine(Path, $"{name}-{Guid.NewGuid():N}");
    }

    /// <summary>Collects the process trees of started units while they run (the test host appears a moment after the unit starts).</summary>
    public static async Task WatchTreeAsync(RecordingProgress progress, HashSet<int> seen, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            foreach (var unit in progress.Started)
            {
                foreach (var pid in FixtureProject.ProcessTree(unit.ProcessId).Where(FixtureProject.IsAlive))
                {
                    seen.Add(pid);
                }
            }
            // Poll interval of this watcher; it stops when the run ends.
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
