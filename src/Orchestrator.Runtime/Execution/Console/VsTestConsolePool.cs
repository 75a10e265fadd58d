using System.Globalization;
using System.Text;

namespace Orchestrator.Execution.Console;

/// <summary>
/// The long-lived <c>vstest.console</c>s of a run: one is lent to a unit at a time (a console serves one run at a time), a
/// returned one serves the next unit, a new one is started only when every started one is busy — so a run starts as many
/// as units run at once. Each has its own directory under the results (its output and its recorded process, which the
/// next run kills should this one die first) and its own process mark; disposing ends them all and sweeps what they left.
/// </summary>
internal sealed class VsTestConsolePool(RunOptions options, UnitProcessSweeper sweeper) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Stack<VsTestConsole>> _idle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<string>> _locations = new(StringComparer.Ordinal);
    private readonly List<Started> _started = [];
    private int _count;

    /// <summary>A console for a unit whose first assembly is in <paramref name="sourceDirectory"/>, idle or newly started.</summary>
    /// <exception cref="VsTestConsoleException">None could be found or started.</exception>
    public async Task<VsTestConsole> RentAsync(string sourceDirectory, CancellationToken ct)
    {
        var consolePath = await LocationAsync(sourceDirectory, ct).ConfigureAwait(false);
        lock (_lock)
        {
            if (_idle.TryGetValue(consolePath, out var idle) && idle.TryPop(out var console))
            {
                return console;
            }
        }
        var number = Interlocked.Increment(ref _count);
        var directory = Path.Combine(options.ResultsDirectory, "vstest.console." + number.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        var log = new StreamWriter(Path.Combine(directory, "output.log"), append: false, Encoding.UTF8) { AutoFlush = true };
        var logLock = new Lock();
        void Log(string text)
        {
            lock (logLock)
            {
                log.WriteLine(options.Redactor.Redact(text));
            }
        }
        var mark = sweeper.Mark();
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            // A unit's end is classified from VSTest's English messages.
            ["DOTNET_CLI_UI_LANGUAGE"] = "en",
            ["VSLANG"] = "1033",
            [mark.Variable] = UnitProcessMark.Value,
        };
        VsTestConsole started;
        try
        {
            started = await VsTestConsole.StartAsync(options.DotnetPath, consolePath, variables, Log, ct).ConfigureAwait(false);
        }
        catch
        {
            await sweeper.EndAsync(mark, null, "vstest.console", Log).ConfigureAwait(false);
            await log.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        RecordedProcesses.Record(directory, started.ProcessId);
        lock (_lock)
        {
            _started.Add(new Started(started, consolePath, mark, log, Log));
        }
        return started;
    }

    /// <summary>Takes back a console after its run; a broken one is ended.</summary>
    public async Task ReturnAsync(VsTestConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        Started? broken = null;
        lock (_lock)
        {
            var started = _started.First(entry => ReferenceEquals(entry.Console, console));
            if (console.IsBroken)
            {
                broken = started;
                _started.Remove(started);
            }
            else
            {
                (_idle.TryGetValue(started.ConsolePath, out var idle) ? idle : _idle[started.ConsolePath] = new()).Push(console);
            }
        }
        if (broken is not null)
        {
            await EndAsync(broken).ConfigureAwait(false);
        }
    }

    private Task<string> LocationAsync(string sourceDirectory, CancellationToken ct)
    {
        var key = GoverningGlobalJson(sourceDirectory) ?? string.Empty;
        lock (_lock)
        {
            // A console that cannot be found stays so for the run (each unit then says so); a cancelled look-up is retried.
            if (!_locations.TryGetValue(key, out var location) || location.IsCanceled)
            {
                location = VsTestConsoleLocation.FindAsync(options.DotnetPath, sourceDirectory, ct);
                _locations[key] = location;
            }
            return location;
        }
    }

    private static string? GoverningGlobalJson(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var file = Path.Combine(current.FullName, "global.json");
            if (File.Exists(file))
            {
                return file;
            }
        }
        return null;
    }

    private async Task EndAsync(Started started)
    {
        var pid = started.Console.ProcessId;
        await started.Console.DisposeAsync().ConfigureAwait(false);
        await sweeper.EndAsync(started.Mark, pid, "vstest.console", started.Log).ConfigureAwait(false);
        await started.Writer.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        List<Started> all;
        lock (_lock)
        {
            all = [.. _started];
            _started.Clear();
            _idle.Clear();
        }
        await Task.WhenAll(all.Select(EndAsync)).ConfigureAwait(false);
    }

    private sealed record Started(VsTestConsole Console, string ConsolePath, UnitProcessMark Mark, StreamWriter Writer, Action<string> Log);
}
