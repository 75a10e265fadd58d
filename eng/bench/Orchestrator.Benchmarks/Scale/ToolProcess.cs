using System.Diagnostics;
using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Orchestrator.Benchmarks.Scale;

/// <summary>
/// Runs <c>dotnet …</c> commands in a workspace, times each from start to exit, and keeps each command's
/// output in the log directory (<c>&lt;label&gt;.log</c>). Cancellation and the timeout kill the process tree.
/// </summary>
internal sealed class ToolProcess(string workingDirectory, string logDirectory)
{
    private static readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal)
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };

    /// <summary>Runs the command; throws with the command's output when it fails and <paramref name="mustSucceed"/> is set.</summary>
    public async Task<ToolRun> RunAsync(string label, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken ct, bool mustSucceed = true)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var clock = Stopwatch.StartNew();
        BufferedCommandResult result;
        try
        {
            result = await Cli.Wrap("dotnet")
                .WithArguments(arguments)
                .WithWorkingDirectory(workingDirectory)
                .WithEnvironmentVariables(_environment)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(Encoding.UTF8, deadline.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"'{label}' (dotnet {string.Join(' ', arguments)}) did not finish within {timeout.TotalMinutes:0} min in {workingDirectory}.");
        }
        var run = new ToolRun(label, result.ExitCode, clock.Elapsed, result.StandardOutput, result.StandardError);
        Directory.CreateDirectory(logDirectory);
        await File.WriteAllTextAsync(
            Path.Combine(logDirectory, label + ".log"),
            $"$ dotnet {string.Join(' ', arguments)}\n# cwd {workingDirectory}\n# exit {run.ExitCode} after {run.Elapsed.TotalSeconds:0.000} s\n--- stdout\n{run.StandardOutput}\n--- stderr\n{run.StandardError}\n",
            ct);
        if (mustSucceed && run.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{label}' (dotnet {string.Join(' ', arguments)}) exited with {run.ExitCode} in {workingDirectory}; output kept in {Path.Combine(logDirectory, label + ".log")}:\n{Tail(run.StandardOutput)}\n{Tail(run.StandardError)}");
        }
        return run;
    }

    private static string Tail(string text, int lines = 30)
    {
        var all = text.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }
}
