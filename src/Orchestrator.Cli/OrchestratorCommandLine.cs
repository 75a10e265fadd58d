using System.CommandLine;
using Orchestrator.Pipeline;

namespace Orchestrator.Cli;

/// <summary>The <c>orchestrator</c> command tree: what the tool runs, and what checks of scripts that call it parse against.</summary>
internal static class OrchestratorCommandLine
{
    public static RootCommand Create() => new("Orchestrator: a resource-aware test pipeline for .NET.")
    {
        Run.RunCommand.Create(),
        Plan.PlanCommand.Create(),
        Discover.DiscoverCommand.Create(ConfigurationSource.Load),
        Merge.MergeCommand.Create(),
        Clean.CleanCommand.Create(),
        Init.InitCommand.Create(),
        Build.BuildCommand.Create(),
        Doctor.DoctorCommand.Create(),
    };
}
