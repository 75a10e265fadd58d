using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Reporting;
using Orchestrator.Results;
using Xunit;

namespace Orchestrator.Tests.Reporting;

/// <summary>The typed phases of a run: how run.json keeps them for readers old and new, and how shards combine them.</summary>
[Trait("Category", "Unit")]
public sealed class RunPhasesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("orchestrator-phases-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static RunRecord Timed(RunPhases phases) => Sample.Record([Sample.Unit("unit-none#1", [Sample.Key("Calc.A")])]) with { Phases = phases };

    [Fact]
    public async Task Run_json_holds_the_timed_phases_as_the_name_to_duration_map_earlier_readers_read()
    {
        var path = Path.Combine(_directory, RunRecordStore.FileName);
        var phases = new RunPhases { Discover = TimeSpan.FromSeconds(5), Plan = TimeSpan.FromMilliseconds(60), Execute = TimeSpan.FromSeconds(90) };

        await RunRecordStore.WriteAsync(path, Timed(phases), CancellationToken.None);

        var written = JsonNode.Parse(await File.ReadAllTextAsync(path))!["phases"]!;
        var map = written.Deserialize<Dictionary<string, TimeSpan>>()!;
        Assert.Equal(["discover", "execute", "plan"], map.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(TimeSpan.FromSeconds(90), map["execute"]);
        Assert.Equal(phases, (await RunRecordStore.ReadAsync(path, CancellationToken.None)).Phases);
    }

    [Fact]
    public async Task A_run_json_with_a_phase_map_reads_into_the_typed_phases_and_ignores_names_it_does_not_know()
    {
        var path = Path.Combine(_directory, RunRecordStore.FileName);
        await RunRecordStore.WriteAsync(path, Timed(RunPhases.None), CancellationToken.None);
        var record = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        record["phases"] = new JsonObject { ["execute"] = "00:01:33.4428980", ["prepare"] = "00:00:00.0000010", ["provision"] = "00:00:02" };
        await File.WriteAllTextAsync(path, record.ToJsonString());

        var read = await RunRecordStore.ReadAsync(path, CancellationToken.None);

        Assert.Equal(new RunPhases { Execute = TimeSpan.Parse("00:01:33.4428980", System.Globalization.CultureInfo.InvariantCulture), Prepare = TimeSpan.FromTicks(10) }, read.Phases);
    }

    [Fact]
    public void Merged_shards_keep_the_longest_time_of_each_phase_and_the_phases_only_one_of_them_timed()
    {
        var one = Timed(new RunPhases { Discover = TimeSpan.FromSeconds(6), Execute = TimeSpan.FromSeconds(30) }) with { RunId = "run-1" };
        var two = Timed(new RunPhases { Discover = TimeSpan.FromSeconds(4), Execute = TimeSpan.FromSeconds(20), Prepare = TimeSpan.FromSeconds(2) }) with { RunId = "run-2" };

        var merged = ResultsReporter.Combine([one, two]).Phases;

        Assert.Equal(new RunPhases { Discover = TimeSpan.FromSeconds(6), Prepare = TimeSpan.FromSeconds(2), Execute = TimeSpan.FromSeconds(30) }, merged);
        Assert.Equal(["discover", "prepare", "execute"], merged.Measured().Select(phase => phase.Name));
    }
}
