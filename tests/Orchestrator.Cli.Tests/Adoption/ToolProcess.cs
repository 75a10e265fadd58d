using CliWrap;
using CliWrap.Buffered;

namespace Orchestrator.Cli.Tests.Adoption;

/// <summary>Runs the built <c>orchestrator</c> tool as a real process.</summary>
internal static class ToolProcess
{
    public static async Task<BufferedCommandResult> RunAsync(IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        return await global::CliWrap.Cli.Wrap("dotnet")
            .WithArguments([RepositoryPaths.Tool(), .. arguments])
            .WithEnvironmentVariables(environment => environment.Set("NO_COLOR", "1"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(deadline.Token);
    }
}
