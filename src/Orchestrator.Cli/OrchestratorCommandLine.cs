using System.CommandLine;
using Orchestrator.Cli.Pipeline;
using Orchestrator.Pipeline;

namespace Orchestrator.Cli;

/// <summary>The <c>orchestrator</c> command tree: what the tool runs, and what checks of scripts that call it parse against.</summary>
internal static class OrchestratorCommandLine
{
    /// <param name="environment">Reads an environment variable (DOCKER_HOST and the like); null: the process environment.</param>
    public static RootCommand Create(Func<string, string?>? environment = null) => new("Orchestrator: a resource-aware test pipeline for .NET.")
    {
        Run.RunCommand.Create(),
        Plan.PlanCommand.Create(),
        Discover.DiscoverCommand.Create(ConfigurationSource.Load),
        Merge.MergeCommand.Create(),
        Up.UpCommand.Create(),
        Up.DownCommand.Create(),
        Flaky.FlakyCommand.Create(),
        Clean.CleanCommand.Create(environment),
        Init.InitCommand.Create(),
        Build.BuildCommand.Create(),
        Doctor.DoctorCommand.Create(() => new Doctor.SystemDoctorEnvironment(environment)),
        Audit.AuditCommand.Create(),
    };

    /// <summary>
    /// Parses and runs <paramref name="args"/> under the one error policy of every command (<see cref="CommandErrors"/>):
    /// an argument the parser rejects is a usage error like any other, exit code 2, not System.CommandLine's 1, which
    /// would read as failed tests.
    /// </summary>
    public static Task<int> InvokeAsync(IReadOnlyList<string> args, InvocationConfiguration configuration, Func<string, string?>? environment = null) =>
        InvokeAsync(Create(environment), args, configuration);

    /// <summary>Runs <paramref name="args"/> on <paramref name="root"/> under the error policy.</summary>
    internal static async Task<int> InvokeAsync(RootCommand root, IReadOnlyList<string> args, InvocationConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(configuration);
        var parse = root.Parse(args);
        // Exceptions reach the policy instead of System.CommandLine's handler, which prints the stack trace and exits 1.
        configuration.EnableDefaultExceptionHandler = false;
        var exitCode = await CommandErrors.GuardAsync(() => parse.InvokeAsync(configuration));
        return parse.Errors.Count > 0 ? ExitCodes.CannotStart : exitCode;
    }
}
