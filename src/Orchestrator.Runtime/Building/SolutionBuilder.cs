using System.Diagnostics;
using System.Text.RegularExpressions;
using CliWrap;

namespace Orchestrator.Building;

/// <summary>Runs a <see cref="BuildInvocation"/>: one <c>dotnet build</c> process, its output streamed line by line.</summary>
internal static partial class SolutionBuilder
{
    private const int ReportedErrors = 10;

    /// <param name="invocation">What to build, and how.</param>
    /// <param name="output">Receives every line dotnet build prints (stdout and stderr).</param>
    /// <param name="dotnetPath">The dotnet host.</param>
    /// <param name="ct">Cancels the build: the process tree is killed.</param>
    /// <returns>How long the build took.</returns>
    /// <exception cref="BuildFailedException">dotnet build exited with a non-zero code; the exception carries the error lines.</exception>
    public static async Task<TimeSpan> RunAsync(BuildInvocation invocation, Action<string> output, string dotnetPath, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentException.ThrowIfNullOrEmpty(dotnetPath);
        var errors = new List<string>();
        var gate = new Lock();
        void Line(string line)
        {
            lock (gate)
            {
                if (errors.Count < ReportedErrors && ErrorLine().IsMatch(line) && !errors.Contains(line.Trim()))
                {
                    errors.Add(line.Trim());
                }
                output(line);
            }
        }

        var clock = Stopwatch.StartNew();
        var result = await Cli.Wrap(dotnetPath)
            .WithArguments(invocation.Arguments)
            .WithWorkingDirectory(invocation.WorkingDirectory)
            .WithEnvironmentVariables(environment => environment
                .Set("DOTNET_NOLOGO", "1")
                .Set("DOTNET_CLI_TELEMETRY_OPTOUT", "1"))
            .WithStandardOutputPipe(PipeTarget.ToDelegate(Line))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(Line))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(ct)
            .ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            var found = errors.Count == 0 ? " It printed no error line; read its output above." : "\n  " + string.Join("\n  ", errors);
            throw new BuildFailedException(
                $"dotnet build of {invocation.Target} failed with exit code {result.ExitCode}.{found}",
                result.ExitCode,
                [.. errors]);
        }
        return clock.Elapsed;
    }

    // MSBuild's canonical error format: "<origin>: error CODE: text".
    [GeneratedRegex(@":\s+error\s+[A-Za-z]*\d*\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorLine();
}
