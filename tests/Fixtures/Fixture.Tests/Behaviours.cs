using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Fixture;

public class Behaviours(ITestOutputHelper output)
{
    [Fact] public void Passes_one() => Assert.True(true);
    [Fact] public void Passes_two() => Assert.Equal(2, 1 + 1);
    [Fact] public void Fails() => Assert.Fail("fixture failure on purpose");
    [Fact] public void Crashes() => Environment.FailFast("fixture crash on purpose");

    [Fact]
    public void Crashes_after_working()
    {
        // Crashes its host once the host has reported it running (not the instant it starts): it polls the
        // orchestrator's progress files in FIXTURE_PROGRESS_DIR for its own start, with a deadline.
        var directory = Environment.GetEnvironmentVariable("FIXTURE_PROGRESS_DIR") ?? throw new InvalidOperationException("FIXTURE_PROGRESS_DIR not set");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !StartReported(directory, nameof(Crashes_after_working)))
        {
            Thread.Sleep(50);
        }
        Environment.FailFast("fixture crash on purpose, after working");
    }

    private static bool StartReported(string directory, string test) =>
        Directory.Exists(directory) && Directory.EnumerateFiles(directory, "progress.*.jsonl").Any(file =>
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            return reader.ReadToEnd().Contains(test, StringComparison.Ordinal);
        });
    [Fact] public void Hangs() => new ManualResetEventSlim(false).Wait();
    [Fact] public void Sees_environment() => Assert.Equal("from-orchestrator", Environment.GetEnvironmentVariable("FIXTURE_VALUE"));

    [Fact]
    public void Slow()
    {
        if (Environment.GetEnvironmentVariable("FIXTURE_STARTED_MARKER") is { } started)
        {
            File.WriteAllText(started, Environment.ProcessId.ToString());
        }
        Thread.Sleep(int.Parse(Environment.GetEnvironmentVariable("FIXTURE_SLOW_MS") ?? "1500"));
    }

    [Fact]
    public void Flaky()
    {
        var marker = Environment.GetEnvironmentVariable("FIXTURE_FLAKY_MARKER") ?? throw new InvalidOperationException("FIXTURE_FLAKY_MARKER not set");
        if (!File.Exists(marker))
        {
            File.WriteAllText(marker, "first attempt");
            Assert.Fail("flaky: fails the first time");
        }
    }

    [Fact]
    public void Leaves_processes_running()
    {
        // A plain child and one in a session of its own whose parent exits at once (setsid --fork), so that it is
        // reparented to init: each writes its pid into FIXTURE_LEFTOVER_PIDS before it becomes a long sleep.
        var pids = Environment.GetEnvironmentVariable("FIXTURE_LEFTOVER_PIDS") ?? throw new InvalidOperationException("FIXTURE_LEFTOVER_PIDS not set");
        const string sleeper = "echo $$ >> \"$0\"; exec sleep 600";
        Process.Start(new ProcessStartInfo("sh", ["-c", sleeper, pids]) { UseShellExecute = false })!.Dispose();
        Process.Start(new ProcessStartInfo("setsid", ["--fork", "sh", "-c", sleeper, pids]) { UseShellExecute = false })!.Dispose();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && (!File.Exists(pids) || File.ReadAllLines(pids).Length < 2))
        {
            Thread.Sleep(50);
        }
        Assert.Equal(2, File.ReadAllLines(pids).Length);
    }

    [Fact]
    public void Writes_large_output()
    {
        // FIXTURE_OUTPUT_MB megabytes of test output, each line naming FIXTURE_OUTPUT_SECRET.
        var megabytes = int.Parse(Environment.GetEnvironmentVariable("FIXTURE_OUTPUT_MB") ?? "1");
        var secret = Environment.GetEnvironmentVariable("FIXTURE_OUTPUT_SECRET") ?? "no-secret";
        var padding = new string('x', 1000 - secret.Length - 20);
        for (var line = 0; line < megabytes * 1024; line++)
        {
            output.WriteLine($"{line,8} {secret} {padding}");
        }
    }
}
