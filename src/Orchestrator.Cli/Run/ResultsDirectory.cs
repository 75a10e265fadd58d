using Orchestrator.Cli.Pipeline;
using Orchestrator.Reporting;

namespace Orchestrator.Cli.Run;

/// <summary>Gives each run an empty results directory, without ever emptying one that is not ours.</summary>
internal static class ResultsDirectory
{
    public static void Prepare(string path)
    {
        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
        {
            if (!File.Exists(Path.Combine(path, RunRecordStore.FileName)))
            {
                throw new UsageException(
                    $"Results directory '{path}' is not empty and holds no earlier run ({RunRecordStore.FileName}). " +
                    "Choose an empty or new directory with --results.");
            }
            Directory.Delete(path, recursive: true);
        }
        Directory.CreateDirectory(path);
    }
}
