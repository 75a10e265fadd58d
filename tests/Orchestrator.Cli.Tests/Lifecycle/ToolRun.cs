using System.Diagnostics;
using System.Globalization;
using System.Text;
using Orchestrator.Cli.Tests.Adoption;
using Orchestrator.Cli.Tests.Execution;

namespace Orchestrator.Cli.Tests.Lifecycle;

/// <summary>
/// The built <c>orchestrator</c> tool running as a real process that a test can signal: its pid (the
/// owner pid on its containers), its output so far, and its exit. Disposing kills whatever is left of it.
/// </summary>
internal sealed class ToolRun : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _outputLock = new();

    private ToolRun(Process process) => _process = process;

    public int Pid { get; private set; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the tool printed so far, stdout and stderr interleaved as they arrived.</summary>
    public string Output
    {
        get
        {
            lock (_outputLock)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="arguments">The tool's arguments.</param>
    /// <param name="ownSession">
    /// Starts the tool as the leader of its own session and process group (through <c>setsid</c>, which
    /// execs in place, so the pid stays the tool's), as a shell starts a foreground job: its unit processes
    /// join that group, and <see cref="SignalGroup"/> reaches them all, as Ctrl+C in a terminal does.
    /// </param>
    /// <remarks>
    /// The tool starts with SIGINT and SIGQUIT at their defaults (<c>env --default-signal</c>, which also execs in place),
    /// as in a terminal: a test run launched in the background of a non-interactive shell inherits them ignored, and
    /// .NET keeps an ignored SIGINT ignored, so a Ctrl+C test would test the launcher, not the tool.
    /// </remarks>
    public static ToolRun Start(IReadOnlyList<string> arguments, bool ownSession = false)
    {
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--default-signal=INT,QUIT");
        if (ownSession)
        {
            start.ArgumentList.Add("setsid");
        }
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(RepositoryPaths.Tool());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = new Process { StartInfo = start };
        var run = new ToolRun(process);
        process.OutputDataReceived += (_, line) => run.Append(line.Data);
        process.ErrorDataReceived += (_, line) => run.Append(line.Data);
        process.Start();
        run.Pid = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Sends a signal (INT, TERM, KILL) to the tool process only, as <c>kill -SIGNAL pid</c> does.</summary>
    public void Signal(string signal) => Kill(signal, Pid.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Sends a signal to the tool's whole process group (started with <c>ownSession</c>), as a terminal
    /// sends Ctrl+C to every process of its foreground job: <c>kill -SIGNAL -- -pid</c>.
    /// </summary>
    public void SignalGroup(string signal) => Kill(signal, "-" + Pid.ToString(CultureInfo.InvariantCulture));

    private static void Kill(string signal, string target)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", "--", target]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill could not be started.");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} -- {target} failed with exit code {kill.ExitCode}.");
        }
    }

    /// <summary>Waits for the tool to exit and its output to be read; false when it still runs at the deadline.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The tool's live descendants (unit processes: dotnet test, vstest.console, testhost).</summary>
    public IReadOnlyList<int> Descendants() => HasExited ? [] : [.. FixtureProject.ProcessTree(Pid).Where(pid => pid != Pid)];

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(30));
            }
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_outputLock)
        {
            _output.AppendLine(line);
        }
    }
}
