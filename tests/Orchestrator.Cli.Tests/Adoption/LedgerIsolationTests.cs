using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace Orchestrator.Cli.Tests.Adoption;

/// <summary>
/// The Ledger sample is shaped like most real suites: fixed table and key names, its own cleanup. Two of its
/// processes on one database fail. Through the orchestrator, with its partitions split into units that run at
/// the same time, it passes, because every unit gets its own database and Redis database; forced into one
/// namespace (the negative control) the same run fails.
/// </summary>
[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
public sealed class LedgerIsolationTests
{
    private static readonly XNamespace _trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    private static readonly TimeSpan _runTimeout = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task Units_running_at_the_same_time_each_get_their_own_namespace_and_the_suite_passes()
    {
        using var workspace = LedgerWorkspace.Create("{namespace}", "{namespace}");
        var results = workspace.Results("isolated");

        var run = await ToolProcess.RunAsync(["run", "--cadence", "pr", "--config", workspace.ConfigurationPath, "--results", results], _runTimeout);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}:\n{run.StandardOutput}\n{run.StandardError}");
        var units = UnitsOf(results);
        Assert.True(units.Count(unit => unit.Partition == "integration-postgres") == 2, "the postgres partition was not split, so no two of its units ran at once: " + string.Join(", ", units));
        Assert.True(Overlap(units.Where(unit => unit.Partition == "integration-postgres").ToList()), "the two postgres units did not run at the same time");
        // Every case counted once: 22 + 15 + 10, NUnit cases with quotes and parentheses in their arguments included.
        var topLevel = XDocument.Load(Path.Combine(results, "integration.trx")).Root!.Element(_trx + "Results")!.Elements(_trx + "UnitTestResult").ToList();
        Assert.Equal(47, topLevel.Count);
        Assert.All(topLevel, result => Assert.Equal("Passed", result.Attribute("outcome")!.Value));
        Assert.Contains(topLevel, result => result.Attribute("testName")!.Value.EndsWith(@"Clients_are_counted_apart(""partner \""Acme\"" (sandbox)"")", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Forced_into_one_namespace_the_same_suite_fails()
    {
        using var workspace = LedgerWorkspace.Create("postgres", "0");
        var results = workspace.Results("shared");

        var run = await ToolProcess.RunAsync(["run", "--cadence", "pr", "--config", workspace.ConfigurationPath, "--results", results], _runTimeout);

        Assert.True(run.ExitCode == 1, $"expected the collisions to fail the run, got exit code {run.ExitCode}:\n{run.StandardOutput}");
        var failed = XDocument.Load(Path.Combine(results, "integration.trx")).Root!.Element(_trx + "Results")!.Elements(_trx + "UnitTestResult")
            .Count(result => result.Attribute("outcome")!.Value == "Failed");
        Assert.True(failed > 0, "no test failed although units shared one database");
    }

    private static List<(string Partition, DateTimeOffset Start, DateTimeOffset End)> UnitsOf(string results)
    {
        using var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "run.json")));
        return [.. record.RootElement.GetProperty("units").EnumerateArray().Select(unit => (
            unit.GetProperty("partitionId").GetString()!,
            unit.GetProperty("startedAt").GetDateTimeOffset(),
            unit.GetProperty("finishedAt").GetDateTimeOffset()))];
    }

    private static bool Overlap(List<(string Partition, DateTimeOffset Start, DateTimeOffset End)> units) =>
        units.Count == 2 && units[0].Start < units[1].End && units[1].Start < units[0].End;
}
