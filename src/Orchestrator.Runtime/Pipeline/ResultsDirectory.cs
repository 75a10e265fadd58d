using Orchestrator.Reporting;

namespace Orchestrator.Pipeline;

/// <summary>
/// Gives each run an empty results directory of its own while it runs, without ever emptying one that is not ours or
/// that another live run holds (<see cref="ResultsLock"/>). A run marks the directory before it writes anything, so the
/// directory of a run that was killed before it could write <c>run.json</c> is still recognised and replaced by the next run.
/// </summary>
internal static class ResultsDirectory
{
    public const string MarkerFileName = ".orchestrator-results";

    /// <summary>
    /// Takes the directory for <paramref name="runId"/>, then empties (when ours) and marks it, which also proves it is
    /// writable before anything starts. Disposing the lock returned frees the directory.
    /// </summary>
    /// <exception cref="UsageException">The directory is not ours, another live run holds it, or it cannot be written.</exception>
    public static ResultsLock Prepare(string path, string runId)
    {
        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any() && !IsOurs(path))
        {
            throw new UsageException(
                $"Results directory '{path}' is not empty and holds no earlier run ({RunRecordStore.FileName} or {MarkerFileName}). " +
                "Choose an empty or new directory with --results.");
        }
        var held = Guard(path, () => ResultsLock.Acquire(path, runId, "--results"));
        try
        {
            return Guard(path, () =>
            {
                foreach (var entry in Directory.EnumerateFileSystemEntries(path).Where(entry => Path.GetFileName(entry) != ResultsLock.FileName).ToList())
                {
                    if (Directory.Exists(entry))
                    {
                        Directory.Delete(entry, recursive: true);
                    }
                    else
                    {
                        File.Delete(entry);
                    }
                }
                Mark(path);
                return held;
            });
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Makes <paramref name="path"/> a directory for results written apart from a run (the audit): created and marked
    /// when it is new or empty, so the next run into it takes it over; a directory with content is left as it is.
    /// </summary>
    /// <exception cref="UsageException">The directory cannot be written.</exception>
    public static void Adopt(string path) => Guard(path, () =>
    {
        if (!Directory.Exists(path) || !Directory.EnumerateFileSystemEntries(path).Any())
        {
            Directory.CreateDirectory(path);
            Mark(path);
        }
        return path;
    });

    private static void Mark(string path) => File.WriteAllText(
        Path.Combine(path, MarkerFileName),
        "Results of an orchestrator run; the next run into this directory replaces everything in it.\n");

    private static T Guard<T>(string path, Func<T> write)
    {
        try
        {
            return write();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(
                $"Results directory '{path}' cannot be written: {exception.Message} Fix its permissions or free space, or choose another directory with --results.");
        }
    }

    private static bool IsOurs(string path) =>
        File.Exists(Path.Combine(path, RunRecordStore.FileName))
        || File.Exists(Path.Combine(path, MarkerFileName))
        || File.Exists(Path.Combine(path, ResultsLock.FileName));
}
