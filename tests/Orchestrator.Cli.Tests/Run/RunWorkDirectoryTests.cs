using System.Diagnostics;
using System.Globalization;
using Orchestrator.Model;
using Orchestrator.Pipeline;
using Orchestrator.Reporting;
using Orchestrator.Results;
using Orchestrator.Security;
using Xunit;

namespace Orchestrator.Cli.Tests.Run;

[Trait("Category", "Unit")]
public sealed class RunWorkDirectoryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("orchestrator-work-dir-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Published_unit_files_are_masked_and_the_TRX_is_stored_once_under_units()
    {
        var state = Path.Combine(_root, ".orchestrator");
        var results = Path.Combine(_root, "test-results");
        Directory.CreateDirectory(results);
        var work = RunWorkDirectory.Create(state, "run-1");
        var unitDirectory = Path.Combine(work.Path, "integration-postgres_1.r0.a0");
        Directory.CreateDirectory(unitDirectory);
        const string secret = "s3cr3t-Pa55word";
        var original = Path.Combine(unitDirectory, "unit.trx");
        await File.WriteAllTextAsync(original, $"<TestRun>Password={secret}</TestRun>");
        await File.WriteAllTextAsync(Path.Combine(unitDirectory, "live.jsonl"), $"{{\"message\":\"{secret}\"}}\n");
        var redactor = new SecretRedactor();
        redactor.Register(secret);

        var published = await work.PublishAsync(Record(original), results, redactor, CancellationToken.None);
        var stored = await ResultsReporter.PersistUnitsAsync(published, results, redactor, [], CancellationToken.None);

        Assert.Equal(original, Assert.Single(published.Units).TrxPath);
        var trx = Path.Combine(results, Assert.Single(stored).TrxPath!);
        Assert.Equal([trx], Directory.EnumerateFiles(results, "*.trx", SearchOption.AllDirectories));
        Assert.Equal($"<TestRun>Password={SecretRedactor.Mask}</TestRun>", await File.ReadAllTextAsync(trx));
        Assert.True(File.Exists(Path.Combine(results, "integration-postgres_1.r0.a0", "live.jsonl")));
        foreach (var file in Directory.EnumerateFiles(results, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(secret, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
        Assert.True(Directory.Exists(work.Path), "the originals must stay until the reports are written");
        work.Remove();
        Assert.False(Directory.Exists(work.Path));
    }

    [Fact]
    public void The_work_directory_of_a_dead_run_is_removed_and_that_of_a_live_one_kept()
    {
        var state = Path.Combine(_root, ".orchestrator");
        var runs = Path.Combine(state, "runs");
        var dead = Path.Combine(runs, "killed-run");
        Directory.CreateDirectory(dead);
        // A pid that is not running now: the highest possible one on Linux, with a start time that matches nothing.
        File.WriteAllText(Path.Combine(dead, "owner"), "4194304 2001-01-01T00:00:00.0000000+00:00\n");
        var alive = Path.Combine(runs, "running-run");
        Directory.CreateDirectory(alive);
        using var self = Process.GetCurrentProcess();
        var startedAt = new DateTimeOffset(self.StartTime.ToUniversalTime(), TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(alive, "owner"), $"{self.Id.ToString(CultureInfo.InvariantCulture)} {startedAt}\n");

        var work = RunWorkDirectory.Create(state, "next-run");

        Assert.False(Directory.Exists(dead));
        Assert.True(Directory.Exists(alive));
        Assert.True(Directory.Exists(work.Path));
    }

    private static RunRecord Record(string trxPath)
    {
        var start = DateTimeOffset.UtcNow;
        var unit = new UnitRun(
            "integration-postgres#1", "integration-postgres", "integration", ResourceSet.Of("postgres"), 0, 0,
            [new TestKey("App.Tests", "App.Tests.A")], trxPath, start, start.AddSeconds(1), UnitExit.Passed, null);
        return new RunRecord("run-1", "pr", start, start.AddSeconds(2), false, [unit], [], RunPhases.None);
    }
}
