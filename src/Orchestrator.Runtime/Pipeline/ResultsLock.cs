using System.Diagnostics;
using System.Text;

namespace Orchestrator.Pipeline;

/// <summary>
/// Holds a results directory for one run or merge while it writes, so that two of them never write their reports over
/// each other's: a lock file in the directory names the owner (<see cref="ResultsLockOwner"/>) and goes when the owner is
/// disposed. A lock whose owner process is dead on this host is stale and taken over, with a note saying so.
/// </summary>
internal sealed class ResultsLock : IDisposable
{
    public const string FileName = ".orchestrator-results.lock";

    // A lock file is created empty and then written: this is how long an incomplete one may be in the middle of that.
    private static readonly TimeSpan _writeGrace = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(20);
    private const int Attempts = 5;

    private readonly string _path;
    private readonly string _text;

    private ResultsLock(string path, string text, string? takenOver)
    {
        _path = path;
        _text = text;
        TakenOver = takenOver;
    }

    /// <summary>What was said about a stale lock this one replaced; null when the directory was free.</summary>
    public string? TakenOver { get; }

    /// <summary>Takes <paramref name="directory"/> (created when missing) for <paramref name="runId"/>.</summary>
    /// <param name="directory">The results directory.</param>
    /// <param name="runId">The run or merge that writes into it.</param>
    /// <param name="option">The option that names the directory, for the fix the error suggests (<c>--results</c>, <c>--output</c>).</param>
    /// <exception cref="UsageException">A live run holds the directory, or its lock file is not one this tool wrote.</exception>
    public static ResultsLock Acquire(string directory, string runId, string option)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        var text = ResultsLockOwner.Current(runId).ToText();
        string? takenOver = null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (TryCreate(path, text))
            {
                return new ResultsLock(path, text, takenOver);
            }
            if (ReadHolder(path) is not { } held)
            {
                continue;
            }
            var (holderText, holder) = held;
            if (holder is not null && holder.IsAlive)
            {
                throw new UsageException(
                    $"Results directory '{directory}' is in use by {holder.Describe()}, which holds '{path}'. " +
                    $"Wait for that run to finish, or give this one another directory with {option}." +
                    (holder.IsOnThisHost ? "" : $" If that run is gone, delete '{path}'."));
            }
            if (TrySetAside(path, holderText))
            {
                takenOver = holder is null
                    ? $"The lock file '{path}' was left incomplete by a run killed while taking it; this run took the directory over."
                    : $"The results directory was still locked by {holder.Describe()}, which is no longer running; this run took it over.";
            }
        }
        throw new UsageException(
            $"Results directory '{directory}' kept changing hands while this run tried to take it ('{path}'): another run is starting in it. " +
            $"Give this one another directory with {option}.");
    }

    /// <summary>Frees the directory, unless another run has taken it over meanwhile (it decided this one was dead).</summary>
    public void Dispose()
    {
        try
        {
            if (File.Exists(_path) && File.ReadAllText(_path) == _text)
            {
                File.Delete(_path);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The directory is gone or read-only now: a lock left behind is stale once this process ends.
        }
    }

    private static bool TryCreate(string path, string text)
    {
        try
        {
            // CreateNew is one atomic step: of two runs, one creates the file and the other finds it.
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            stream.Write(Encoding.UTF8.GetBytes(text));
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    /// <summary>
    /// The lock file's text and owner, waiting a moment for a file being written; the owner is null when the file stayed
    /// incomplete (its writer died), and the whole is null when the file went meanwhile.
    /// </summary>
    private static (string Text, ResultsLockOwner? Owner)? ReadHolder(string path)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (FileNotFoundException)
            {
                return null;
            }
            if (ResultsLockOwner.Parse(text) is { } owner)
            {
                return (text, owner);
            }
            if (clock.Elapsed > _writeGrace)
            {
                return (text, null);
            }
            Thread.Sleep(_pollInterval);
        }
    }

    /// <summary>
    /// Moves a stale lock out of the way in one rename, then checks that what was moved is the stale lock: a run that
    /// took the directory over in between has put its own there, which goes back.
    /// </summary>
    private static bool TrySetAside(string path, string staleText)
    {
        var aside = $"{path}.{Guid.NewGuid():N}.stale";
        try
        {
            File.Move(path, aside);
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        if (File.ReadAllText(aside) == staleText)
        {
            File.Delete(aside);
            return true;
        }
        try
        {
            File.Move(aside, path);
        }
        catch (IOException)
        {
            // Yet another run holds it now; the one set aside lost its directory to it.
            File.Delete(aside);
        }
        return false;
    }
}
