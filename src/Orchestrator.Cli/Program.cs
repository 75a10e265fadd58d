using System.CommandLine;

namespace Orchestrator.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("Orchestrator: a resource-aware test pipeline for .NET.");
        root.Subcommands.Add(Discover.DiscoverCommand.Create(_ => new Orchestrator.Configuration.OrchestratorConfiguration()));
        return await root.Parse(args).InvokeAsync();
    }
}
