using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;
using Xunit;

namespace Orchestrator.TestLogger.Tests;

[Trait("Category", "Integration")]
public sealed class RunModeLoggerTests : IDisposable
{
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("orchestrator-run-log-").FullName;

    public void Dispose() => Directory.Delete(_workDirectory, recursive: true);

    [Fact]
    public async Task Run_mode_writes_start_one_line_per_result_and_completion()
    {
        var log = Path.Combine(_workDirectory, "run.jsonl");

        await Cli.Wrap("dotnet")
            .WithArguments(["test", FrameworkFixtures.NunitAssembly, $"--logger:orchestrator;mode=run;path={log}", $"--test-adapter-path:{LoggerDirectory.Create(_workDirectory)}"])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

        var lines = (await File.ReadAllLinesAsync(log)).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal("runStarted", lines[0].GetProperty("kind").GetString());
        Assert.Equal("runComplete", lines[^1].GetProperty("kind").GetString());
        Assert.False(lines[^1].GetProperty("aborted").GetBoolean());
        var results = lines.Where(line => line.GetProperty("kind").GetString() == "result").ToList();
        Assert.Equal(8, results.Count);
        var failed = Assert.Single(results, result => result.GetProperty("outcome").GetString() == "failed");
        Assert.Equal("NunitSample.StockTests.Fails", failed.GetProperty("fullyQualifiedName").GetString());
        Assert.Contains("expected failure", failed.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(FrameworkFixtures.NunitAssembly, failed.GetProperty("source").GetString());
        Assert.True(DateTimeOffset.TryParse(failed.GetProperty("startTime").GetString(), out _));
        var reserves = results.Single(result => result.GetProperty("fullyQualifiedName").GetString() == "NunitSample.StockTests.Reserves");
        Assert.Equal(["postgres", "redis"], reserves.GetProperty("traits").EnumerateArray().Select(trait => trait.GetProperty("value").GetString()));
        Assert.Equal("passed", reserves.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Discover_mode_creates_the_file_even_when_there_is_nothing_to_discover()
    {
        var log = Path.Combine(_workDirectory, "sub", "empty.jsonl");
        var notATestAssembly = Path.Combine(_workDirectory, "Empty.Tests.dll");
        await File.WriteAllBytesAsync(notATestAssembly, [0x4D, 0x5A]);

        await Cli.Wrap("dotnet")
            .WithArguments(["test", notATestAssembly, "--list-tests", $"--logger:orchestrator;mode=discover;path={log}", $"--test-adapter-path:{LoggerDirectory.Create(_workDirectory)}"])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

        var line = JsonDocument.Parse(Assert.Single(await File.ReadAllLinesAsync(log))).RootElement;
        Assert.Equal("discoveryComplete", line.GetProperty("kind").GetString());
        Assert.Equal(0, line.GetProperty("total").GetInt64());
    }
}
