using CliWrap;
using CliWrap.Buffered;

namespace Orchestrator.Cli.Tests.Reporting;

/// <summary>Runs the built <c>orchestrator</c> tool as a real process (the build's own output of src/Orchestrator.Cli).</summary>
internal static class OrchestratorProcess
{
    public static async Task<BufferedCommandResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var tool = ToolPath();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        return await global::CliWrap.Cli.Wrap("dotnet")
            .WithArguments([tool, .. arguments])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);
    }

    private static string ToolPath() => Adoption.RepositoryPaths.Tool();
}
