using System.CommandLine;
using Spectre.Console;

namespace Orchestrator.Cli;

internal static class Program
{
    // After Ctrl+C or SIGTERM the run kills its test processes, removes its containers and merges
    // partial results; System.CommandLine's default of 2 s would cut that short.
    private static readonly TimeSpan _cleanupWindow = TimeSpan.FromSeconds(90);

    // Redirected output (CI logs, pipes) has no width; Spectre's 80 columns would wrap tables mid-word.
    private const int _redirectedWidth = 160;

    public static async Task<int> Main(string[] args)
    {
        if (Console.IsOutputRedirected && Environment.GetEnvironmentVariable("COLUMNS") is null)
        {
            AnsiConsole.Profile.Width = _redirectedWidth;
        }
        return await OrchestratorCommandLine.InvokeAsync(args, new InvocationConfiguration { ProcessTerminationTimeout = _cleanupWindow });
    }
}
