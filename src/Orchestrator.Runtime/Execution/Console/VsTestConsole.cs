using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using CliWrap;

namespace Orchestrator.Execution.Console;

/// <summary>
/// One <c>vstest.console</c> in design mode (the protocol IDEs drive it with), serving the runs of units one at a time:
/// each run its own sources and <c>.runsettings</c> (so its own environment, results directory and loggers) and its own
/// test host, without a <c>dotnet test</c> and a console started for each. The console connects to a port this side
/// listens on, and exits with this process (<c>--parentprocessid</c>).
/// </summary>
/// <remarks>
/// The protocol rather than the SDK's <c>Microsoft.TestPlatform.VsTestConsole.TranslationLayer.dll</c>: the messages used
/// here (handshake, run, abort, message, completion, terminate) are versioned and negotiated, while the client library
/// would have to be loaded from whichever SDK the workspace selects, together with its own object model, beside the one
/// the orchestrator's logger is built on.
/// </remarks>
internal sealed class VsTestConsole : IAsyncDisposable
{
    /// <summary>The version the SDK's own client asks for; the console answers with the one both speak.</summary>
    private const int RequestedProtocolVersion = 7;

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(10);

    private readonly Channel<DesignModeMessage> _messages = Channel.CreateUnbounded<DesignModeMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _kill = new();
    private readonly Action<string> _log;
    private DesignModeChannel? _channel;
    private CommandTask<CommandResult>? _process;
    private Task? _receiving;
    private int _version;
    private volatile Action<string>? _runLine;

    private VsTestConsole(Action<string> log)
    {
        _log = log;
    }

    public int ProcessId => _process?.ProcessId ?? 0;

    /// <summary>True once the console is gone or out of step with its protocol; it serves no further run.</summary>
    public bool IsBroken { get; private set; }

    /// <summary>Starts the console at <paramref name="consolePath"/> and waits for its handshake.</summary>
    /// <param name="variables">Set on the console's process (and so inherited by every test host it starts).</param>
    /// <param name="log">The console's own output and what happens to it between runs.</param>
    /// <exception cref="VsTestConsoleException">It did not start, connect or agree on a protocol version.</exception>
    public static async Task<VsTestConsole> StartAsync(string dotnetPath, string consolePath, IReadOnlyDictionary<string, string?> variables, Action<string> log, CancellationToken ct)
    {
        var console = new VsTestConsole(log);
        try
        {
            await console.ConnectAsync(dotnetPath, consolePath, variables, ct).ConfigureAwait(false);
            return console;
        }
        catch
        {
            await console.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task ConnectAsync(string dotnetPath, string consolePath, IReadOnlyDictionary<string, string?> variables, CancellationToken ct)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var arguments = new[] { consolePath, $"--port:{port}", $"--parentprocessid:{Environment.ProcessId}" };
        _log($"> {dotnetPath} {string.Join(' ', arguments)}");
        _process = Cli.Wrap(dotnetPath)
            .WithArguments(arguments)
            .WithEnvironmentVariables(variables)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(Output))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(Output))
            .ExecuteAsync(CancellationToken.None, _kill.Token);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(ConnectTimeout);
        var accepting = listener.AcceptTcpClientAsync(deadline.Token).AsTask();
        if (await Task.WhenAny(accepting, _process.Task).ConfigureAwait(false) != accepting)
        {
            throw new VsTestConsoleException(consolePath, $"it exited with code {(await _process.ConfigureAwait(false)).ExitCode} before connecting");
        }
        TcpClient client;
        try
        {
            client = await accepting.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new VsTestConsoleException(consolePath, $"it did not connect within {ConnectTimeout.TotalSeconds} s");
        }
        _channel = new DesignModeChannel(client.GetStream());
        _receiving = Task.Factory.StartNew(Receive, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        DesignModeMessage answer;
        try
        {
            await ExpectAsync(DesignModeMessage.Connected, consolePath, deadline.Token).ConfigureAwait(false);
            _channel.Send(DesignModeMessage.ProtocolVersion, RequestedProtocolVersion, version: null);
            answer = await ExpectAsync(DesignModeMessage.ProtocolVersion, consolePath, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new VsTestConsoleException(consolePath, $"it did not complete its handshake within {ConnectTimeout.TotalSeconds} s");
        }
        _version = answer.Payload.ValueKind == JsonValueKind.Number ? answer.Payload.GetInt32() : throw new VsTestConsoleException(consolePath, $"its protocol version was '{answer.Payload}'");
        _log($"> vstest.console (pid {ProcessId}) connected on 127.0.0.1:{port}, protocol version {_version}.");
    }

    private async Task<DesignModeMessage> ExpectAsync(string messageType, string consolePath, CancellationToken ct)
    {
        DesignModeMessage message;
        try
        {
            message = await _messages.Reader.ReadAsync(ct).ConfigureAwait(false);
        }
        catch (ChannelClosedException exception)
        {
            throw new VsTestConsoleException(consolePath, $"it closed the connection before '{messageType}': {exception.InnerException?.Message}");
        }
        return message.MessageType == messageType
            ? message
            : throw new VsTestConsoleException(consolePath, $"it sent '{message.MessageType}' where '{messageType}' was expected");
    }

    /// <summary>
    /// Runs every test of <paramref name="sources"/> that <paramref name="filter"/> selects (design mode takes the filter
    /// from the request, not from the settings' <c>TestCaseFilter</c>) with <paramref name="runSettings"/>, on a test host
    /// of its own; the console's messages go to <paramref name="line"/>. Returns when the console reports the run complete, or
    /// when the console is gone (then the run counts as aborted and the console as broken).
    /// </summary>
    public async Task<ConsoleRunEnd> RunAsync(IReadOnlyList<string> sources, string filter, string runSettings, Action<string> line)
    {
        _runLine = line;
        try
        {
            var payload = new JsonObject
            {
                ["Sources"] = new JsonArray([.. sources.Select(source => JsonValue.Create(source))]),
                ["RunSettings"] = runSettings,
                ["KeepAlive"] = false,
                ["DebuggingEnabled"] = false,
                ["TestPlatformOptions"] = new JsonObject { ["TestCaseFilter"] = filter.Length > 0 ? filter : null },
            };
            try
            {
                _channel!.Send(DesignModeMessage.RunAllWithDefaultHost, payload, _version);
            }
            catch (Exception exception) when (exception is IOException or ObjectDisposedException)
            {
                return Lost(line, exception.Message);
            }
            try
            {
                await foreach (var message in _messages.Reader.ReadAllAsync().ConfigureAwait(false))
                {
                    switch (message.MessageType)
                    {
                        case DesignModeMessage.TestMessage:
                            line(MessageText(message.Payload));
                            break;
                        case DesignModeMessage.RunCompleted:
                            return Completed(message.Payload, line);
                    }
                }
            }
            catch (ChannelClosedException exception)
            {
                return Lost(line, exception.InnerException?.Message ?? exception.Message);
            }
            return Lost(line, "the connection closed");
        }
        finally
        {
            _runLine = null;
            if (_kill.IsCancellationRequested)
            {
                IsBroken = true;
            }
            else
            {
                // A kill asked for while the run was ending is not for the next unit's run.
                _kill.CancelAfter(Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Asks the console to abort the run in progress; nothing when it is gone.</summary>
    public void Abort()
    {
        try
        {
            _channel?.Send(DesignModeMessage.AbortTestRun, null, _version);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Gone already: its run ends with it.
        }
    }

    /// <summary>Kills the console after <paramref name="grace"/>, should its run not have ended by then.</summary>
    public void KillAfter(TimeSpan grace) => _kill.CancelAfter(grace);

    private static ConsoleRunEnd Completed(JsonElement payload, Action<string> line)
    {
        var arguments = Property(payload, "TestRunCompleteArgs");
        var aborted = Property(arguments, "IsAborted").ValueKind == JsonValueKind.True;
        if (Property(Property(arguments, "Error"), "Message") is { ValueKind: JsonValueKind.String } error)
        {
            line(error.GetString()!);
        }
        if (aborted)
        {
            line("Test Run Aborted.");
        }
        return new ConsoleRunEnd(aborted);
    }

    private ConsoleRunEnd Lost(Action<string> line, string cause)
    {
        IsBroken = true;
        line($"> vstest.console (pid {ProcessId}) was lost during the run ({cause}). Test Run Aborted.");
        return new ConsoleRunEnd(Aborted: true);
    }

    private static string MessageText(JsonElement payload) =>
        Property(payload, "Message") is { ValueKind: JsonValueKind.String } message ? message.GetString()! : payload.ToString();

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private void Receive()
    {
        try
        {
            while (true)
            {
                _messages.Writer.TryWrite(_channel!.Receive());
            }
        }
        catch (Exception exception) when (exception is IOException or EndOfStreamException or ObjectDisposedException or JsonException)
        {
            IsBroken = true;
            _messages.Writer.TryComplete(exception);
        }
    }

    private void Output(string text) => (_runLine ?? _log)(text);

    /// <summary>Asks the console to end, and kills it when it does not within a grace period.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            try
            {
                _channel?.Send(DesignModeMessage.Terminate, null, _version == 0 ? null : _version);
            }
            catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
            {
                // Already gone.
            }
            _kill.CancelAfter(ExitGrace);
            try
            {
                var result = await _process.ConfigureAwait(false);
                _log($"> vstest.console (pid {ProcessId}) exited with code {result.ExitCode}.");
            }
            catch (OperationCanceledException)
            {
                _log($"> vstest.console (pid {ProcessId}) did not exit within {ExitGrace.TotalSeconds} s of being asked to and was killed.");
            }
        }
        _channel?.Dispose();
        if (_receiving is not null)
        {
            await _receiving.ConfigureAwait(false);
        }
        _kill.Dispose();
    }
}
