using System.Globalization;
using Orchestrator.Docker.Cleanup;
using Orchestrator.Pipeline;
using Xunit;

namespace Orchestrator.Cli.Tests.Run;

[Trait("Category", "Unit")]
public sealed class ResultsLockTests : IDisposable
{
    // A pid that is not running now: the highest possible one on Linux.
    private const int DeadPid = 4194304;

    private readonly string _directory = Directory.CreateTempSubdirectory("orchestrator-results-lock-").FullName;

    private string LockFile => Path.Combine(_directory, ResultsLock.FileName);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_lock_file_names_the_owner_while_it_runs_and_goes_when_it_ends()
    {
        using (ResultsLock.Acquire(_directory, "run-owner", "--results"))
        {
            var owner = ResultsLockOwner.Parse(File.ReadAllText(LockFile));

            Assert.Equal(new ResultsLockOwner("run-owner", OwnerProcess.Current.Host, Environment.ProcessId, OwnerProcess.Current.StartedAt), owner);
        }

        Assert.False(File.Exists(LockFile));
    }

    [Fact]
    public void A_live_owner_is_named_with_the_fix_and_keeps_the_directory()
    {
        using var live = ResultsLock.Acquire(_directory, "run-live", "--results");
        var held = File.ReadAllText(LockFile);

        var error = Assert.Throws<UsageException>(() => ResultsLock.Acquire(_directory, "run-second", "--output"));

        Assert.Contains($"run run-live (pid {Environment.ProcessId} on {OwnerProcess.Current.Host}, started {OwnerProcess.Current.StartedAt.ToString("u", CultureInfo.InvariantCulture)})", error.Message, StringComparison.Ordinal);
        Assert.Contains("Wait for that run to finish, or give this one another directory with --output", error.Message, StringComparison.Ordinal);
        Assert.Equal(held, File.ReadAllText(LockFile));
    }

    [Fact]
    public void A_lock_whose_owner_died_on_this_host_is_taken_over_with_a_note()
    {
        File.WriteAllText(LockFile, new ResultsLockOwner("run-killed", OwnerProcess.Current.Host, DeadPid, DateTimeOffset.Parse("2001-01-01T00:00:00Z", CultureInfo.InvariantCulture)).ToText());

        using var taken = ResultsLock.Acquire(_directory, "run-next", "--results");

        Assert.Contains("run run-killed (pid 4194304", taken.TakenOver, StringComparison.Ordinal);
        Assert.Contains("no longer running", taken.TakenOver, StringComparison.Ordinal);
        Assert.Equal("run-next", ResultsLockOwner.Parse(File.ReadAllText(LockFile))!.RunId);
        Assert.Single(Directory.EnumerateFileSystemEntries(_directory));
    }

    [Fact]
    public void A_lock_of_another_host_is_refused_with_how_to_free_it()
    {
        File.WriteAllText(LockFile, new ResultsLockOwner("run-elsewhere", "ci-agent-7/pid:[1]", DeadPid, DateTimeOffset.UnixEpoch).ToText());

        var error = Assert.Throws<UsageException>(() => ResultsLock.Acquire(_directory, "run-here", "--results"));

        Assert.Contains("run run-elsewhere (pid 4194304 on ci-agent-7/pid:[1]", error.Message, StringComparison.Ordinal);
        Assert.Contains($"If that run is gone, delete '{LockFile}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lock_file_left_incomplete_is_taken_over()
    {
        File.WriteAllText(LockFile, "run-id=run-cut-short\n");

        using var taken = ResultsLock.Acquire(_directory, "run-next", "--results");

        Assert.Contains("left incomplete", taken.TakenOver, StringComparison.Ordinal);
        Assert.Equal("run-next", ResultsLockOwner.Parse(File.ReadAllText(LockFile))!.RunId);
    }

    [Fact]
    public void Releasing_leaves_a_lock_another_run_took_over_alone()
    {
        var first = ResultsLock.Acquire(_directory, "run-first", "--results");
        var successor = new ResultsLockOwner("run-successor", OwnerProcess.Current.Host, Environment.ProcessId, OwnerProcess.Current.StartedAt).ToText();
        File.WriteAllText(LockFile, successor);

        first.Dispose();

        Assert.Equal(successor, File.ReadAllText(LockFile));
    }
}
