using System.Globalization;
using System.Text.Json;

namespace Orchestrator.Benchmarks.Scale;

/// <summary>
/// The scale benchmark: generated suites of 500 and 5,000 tests over 20 projects and 6 resource sets
/// (durations are SIMULATED I/O WAITS, see <see cref="WorkspaceTemplates.SimulatedIoNotice"/>), run through
/// the built CLI. Reports total orchestration overhead, discovery cold and warm, planning and merging.
/// Results: artifacts/bench/scale/&lt;stamp&gt;/ (summary.json, table.md, machine, every command's log,
/// every run's results directory).
/// </summary>
internal sealed class ScaleScenario : IBenchmarkScenario
{
    private static readonly JsonSerializerOptions _json = new() { WriteIndented = true };

    public string Name => "scale";

    public string Description => "Generated suites (default 500 and 5,000 tests, simulated I/O waits) through the built CLI: overhead, discovery, planning, merging. Args: " + ScaleOptions.Usage;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var options = ScaleOptions.Parse(arguments);
        var repository = RepositoryLayout.Find();
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var output = Directory.CreateDirectory(Path.Combine(repository.BenchDirectory, stamp)).FullName;
        var machine = Machine(options, stamp);
        await File.WriteAllTextAsync(Path.Combine(output, "machine"), machine + "\n", ct);

        var bench = new SuiteBench(repository, options, output);
        var measurements = new List<ScaleMeasurement>();
        foreach (var size in options.Sizes)
        {
            measurements.Add(await bench.MeasureAsync(size, ct));
            // Written after every size, so a long run that fails later keeps what it measured.
            await File.WriteAllTextAsync(Path.Combine(output, "summary.json"), JsonSerializer.Serialize(measurements, _json), ct);
        }

        var table = ScaleReport.Render(measurements, $"Measured {stamp} with `{string.Join(' ', arguments)}`; {machine.Replace('\n', ';')}. Results in `{Path.GetRelativePath(repository.Root, output)}`.");
        await File.WriteAllTextAsync(Path.Combine(output, "table.md"), table, ct);
        Console.WriteLine(table);
        return 0;
    }

    private static string Machine(ScaleOptions options, string stamp)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        return string.Join('\n',
            $"stamp={stamp}",
            $"nproc={Environment.ProcessorCount}",
            $"cpu={cpu ?? "unknown"}",
            $"memory_gib={memory.ToString("0", CultureInfo.InvariantCulture)}",
            $"dotnet={Environment.Version}",
            $"slots={options.Slots}",
            $"repeat={options.Repeat}",
            $"warm_runs={options.WarmRuns}",
            $"load_average_at_start={load}");
    }
}
