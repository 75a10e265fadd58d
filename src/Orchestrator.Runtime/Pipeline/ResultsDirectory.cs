using Orchestrator.Reporting;

namespace Orchestrator.Pipeline;

/// <summary>
/// Gives each run an empty results directory, without ever emptying one that is not ours. A run marks
/// the directory before it writes anything, so the directory of a run that was killed before it could
/// write <c>run.json</c> is still recognised and replaced by the next run.
/// </summary>
internal static class ResultsDirectory
{
    public const string MarkerFileName = ".orchestrator-results";

    /// <summary>Empties (when ours) and marks the directory, which also proves it is writable before anything starts.</summary>
    public static void Prepare(string path)
    {
        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
        {
            if (!IsOurs(path))
            {
                throw new UsageException(
                    $"Results directory '{path}' is not empty and holds no earlier run ({RunRecordStore.FileName} or {MarkerFileName}). " +
                    "Choose an empty or new directory with --results.");
            }
            Guard(path, () => Directory.Delete(path, recursive: true));
        }
        Guard(path, () =>
        {
            Directory.CreateDirectory(path);
            File.WriteAllText(
                Path.Combine(path, MarkerFileName),
                "Results of an orchestrator run; the next run into this directory replaces everything in it.\n");
        });
    }

    private static void Guard(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(
                $"Results directory '{path}' cannot be written: {exception.Message} Fix its permissions or free space, or choose another directory with --results.");
        }
    }

    private static bool IsOurs(string path) =>
        File.Exists(Path.Combine(path, RunRecordStore.FileName)) || File.Exists(Path.Combine(path, MarkerFileName));
}
