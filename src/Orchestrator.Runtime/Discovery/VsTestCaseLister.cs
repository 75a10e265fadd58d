using System.Text;
using CliWrap;
using Orchestrator.Execution;

namespace Orchestrator.Discovery;

/// <summary>
/// Lists the tests of one assembly with <c>dotnet test &lt;dll&gt; --list-tests</c> and the
/// orchestrator logger (<c>mode=discover</c>), and reads what the logger wrote.
/// </summary>
internal sealed class VsTestCaseLister(string loggerDirectory, string dotnetPath = "dotnet")
{
    public const string LoggerFriendlyName = "orchestrator";

    private const int OutputTailLength = 4000;

    public string LoggerDirectory { get; } = Path.GetFullPath(loggerDirectory);

    /// <summary>
    /// The configuration's <c>testEnvironment</c>: discovery starts the same test host the run does, so a variable
    /// it needs (<c>DOTNET_ROLL_FORWARD=Major</c> for a suite built for an older runtime) applies to both.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Runs discovery; cancellation kills the process tree.</summary>
    /// <exception cref="DiscoveryCrashedException">The process failed or its log is incomplete.</exception>
    public async Task<IReadOnlyList<DiscoveredCase>> ListAsync(string assemblyPath, string workDirectory, CancellationToken ct)
    {
        Directory.CreateDirectory(workDirectory);
        var logPath = Path.Combine(workDirectory, $"{Path.GetFileNameWithoutExtension(assemblyPath)}.{Guid.NewGuid():N}.jsonl");
        var output = new StringBuilder();
        try
        {
            var result = await Cli.Wrap(dotnetPath)
                .WithArguments(
                [
                    "test", assemblyPath,
                    "--list-tests",
                    $"--logger:{LoggerFriendlyName};mode=discover;{LoggerPathParameter.For(logPath)}",
                    $"--test-adapter-path:{LoggerDirectory}",
                ])
                .WithWorkingDirectory(VsTestDirectory.Override(Path.GetDirectoryName(assemblyPath) ?? workDirectory, Path.Combine(workDirectory, "vstest"))
                    ?? Path.GetDirectoryName(assemblyPath)
                    ?? workDirectory)
                .WithEnvironmentVariables(environment => environment
                    .Set(Environment)
                    .Set("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
                    .Set("DOTNET_NOLOGO", "1"))
                .WithStandardOutputPipe(PipeTarget.ToStringBuilder(output))
                .WithStandardErrorPipe(PipeTarget.ToStringBuilder(output))
                .WithValidation(CommandResultValidation.None)
                .ExecuteAsync(ct);

            var log = File.Exists(logPath) ? DiscoveryLog.Parse(await File.ReadAllLinesAsync(logPath, ct)) : null;
            if (result.ExitCode != 0 || log is null || !log.Completed || log.Aborted)
            {
                var reason = result.ExitCode != 0 ? $"exited with code {result.ExitCode}"
                    : log is null ? "wrote no discovery log (is Orchestrator.TestLogger.dll in the logger directory?)"
                    : log.Aborted ? "aborted discovery"
                    : "stopped before discovery completed";
                throw new DiscoveryCrashedException(assemblyPath, result.ExitCode, Tail(output),
                    $"Listing the tests of '{assemblyPath}' failed: dotnet test {reason}. " +
                    $"Run 'dotnet test \"{assemblyPath}\" --list-tests' to see the error.{System.Environment.NewLine}{Tail(output)}");
            }

            return log.Cases;
        }
        catch (InvalidDataException exception)
        {
            throw new DiscoveryCrashedException(assemblyPath, null, Tail(output),
                $"The discovery log of '{assemblyPath}' is damaged: {exception.Message}");
        }
        finally
        {
            File.Delete(logPath);
        }
    }

    private static string Tail(StringBuilder output)
    {
        var text = output.ToString().Trim();
        return text.Length <= OutputTailLength ? text : "…" + text[^OutputTailLength..];
    }
}
