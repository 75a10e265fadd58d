using System.Diagnostics;

namespace Orchestrator.Execution;

/// <summary>Kills a process with all its descendants (dotnet → vstest.console → testhost, datacollector).</summary>
internal static class ProcessTree
{
    public static void Kill(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            process.Kill(entireProcessTree: true);
        }
        catch (ArgumentException)
        {
            // Already exited.
        }
        catch (InvalidOperationException)
        {
            // Exited while being killed.
        }
    }
}
