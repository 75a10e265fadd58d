using System.ComponentModel;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CliWrap;
using Orchestrator.Execution;
using StreamJsonRpc;

namespace Orchestrator.TestingPlatform;

/// <summary>
/// One Microsoft.Testing.Platform test application in server mode: started with <c>--server</c>, it connects back to a
/// loopback port this session listens on, and the two speak the platform's JSON-RPC protocol (LSP-style
/// <c>Content-Length</c> framing): <c>initialize</c>, then one <c>testing/discoverTests</c> or <c>testing/runTests</c>,
/// whose test node updates stream in as notifications, then <c>exit</c>. No <c>dotnet test</c>, no separate test host:
/// the application is its own host. Disposing ends the process tree if it has not exited by itself.
/// </summary>
internal sealed class TestingPlatformSession : IAsyncDisposable
{
    private static readonly TimeSpan ConnectDeadline = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan CompletionGrace = TimeSpan.FromSeconds(30);

    private readonly CommandTask<CommandResult> _process;
    private readonly CancellationTokenSource _processKill;
    private readonly List<TcpClient> _connections;
    private readonly JsonRpc _rpc;
    private readonly List<JsonRpc> _controllers;
    private readonly Updates _updates;

    private TestingPlatformSession(
        CommandTask<CommandResult> process, CancellationTokenSource processKill, List<TcpClient> connections, JsonRpc rpc, List<JsonRpc> controllers, Updates updates)
    {
        _process = process;
        _processKill = processKill;
        _connections = connections;
        _rpc = rpc;
        _controllers = controllers;
        _updates = updates;
    }

    /// <summary>The test application's process id.</summary>
    public int ProcessId => _process.ProcessId;

    /// <summary>Completes when the application's process has exited.</summary>
    public Task<CommandResult> Exited => _process.Task;

    /// <summary>Starts the application and waits for it to connect and answer <c>initialize</c>.</summary>
    /// <param name="launch">What to start.</param>
    /// <param name="onNode">Receives every test node update, on the connection's thread.</param>
    /// <param name="output">Receives the application's output lines and its log messages.</param>
    /// <exception cref="TestingPlatformException">The application could not be started, exited or did not connect.</exception>
    public static async Task<TestingPlatformSession> StartAsync(
        TestingPlatformLaunch launch, Action<TestNode> onNode, Action<string> output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(launch);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var processKill = new CancellationTokenSource();
        CommandTask<CommandResult> process;
        try
        {
            process = Cli.Wrap(launch.DotnetPath)
                .WithArguments(
                [
                    launch.ApplicationPath,
                    .. launch.Arguments,
                    "--server", "--client-host", "127.0.0.1", "--client-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ])
                .WithWorkingDirectory(launch.WorkingDirectory)
                .WithEnvironmentVariables(launch.Environment)
                .WithStandardOutputPipe(PipeTarget.ToDelegate(output))
                .WithStandardErrorPipe(PipeTarget.ToDelegate(output))
                .WithValidation(CommandResultValidation.None)
                .ExecuteAsync(processKill.Token);
        }
        catch (Exception exception) when (exception is Win32Exception or InvalidOperationException)
        {
            processKill.Dispose();
            throw new TestingPlatformException(
                $"'{launch.DotnetPath}' could not start '{launch.ApplicationPath}': {exception.Message}. Check that the .NET SDK is installed and on PATH.", exception);
        }

        var connections = new List<TcpClient>();
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(ConnectDeadline);
            var updates = new Updates(onNode, output);
            var controllers = new List<JsonRpc>();
            // An application with an out-of-process extension (coverlet's, a hang dump) first starts a controller process,
            // which connects and answers initialize but runs no test, then the test host, which connects in turn.
            while (true)
            {
                var accept = listener.AcceptTcpClientAsync(deadline.Token).AsTask();
                var first = await Task.WhenAny(accept, process.Task).ConfigureAwait(false);
                if (first != accept)
                {
                    var exit = (await process.ConfigureAwait(false)).ExitCode;
                    throw new TestingPlatformException(
                        $"'{launch.ApplicationPath}' exited with code {exit} before its test host connected in server mode. " +
                        "Is it a Microsoft.Testing.Platform test application? Run it with --help to see its output.");
                }
                var connection = await accept.ConfigureAwait(false);
                connections.Add(connection);
                var stream = connection.GetStream();
                var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(stream, stream, new SystemTextJsonFormatter()));
                rpc.AddLocalRpcTarget(updates, new JsonRpcTargetOptions { MethodNameTransform = null });
                rpc.StartListening();
                var capabilities = await InvokeAsync(rpc, "initialize", new Dictionary<string, object?>
                {
                    ["processId"] = Environment.ProcessId,
                    ["clientInfo"] = new Dictionary<string, object?> { ["name"] = "orchestrator", ["version"] = "1.0.0" },
                    ["capabilities"] = new Dictionary<string, object?>
                    {
                        ["testing"] = new Dictionary<string, object?> { ["debuggerProvider"] = false, ["attachmentsSupport"] = false },
                    },
                }, deadline.Token).ConfigureAwait(false);
                if (RunsTests(capabilities))
                {
                    return new TestingPlatformSession(process, processKill, connections, rpc, controllers, updates);
                }
                controllers.Add(rpc);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Kill(process, processKill, connections);
            throw new TestingPlatformException(
                $"'{launch.ApplicationPath}' did not connect a test host within {ConnectDeadline.TotalSeconds:0} s of starting in server mode; it was killed.");
        }
        catch
        {
            Kill(process, processKill, connections);
            throw;
        }
    }

    /// <summary>False for a test host controller, which says it cannot discover: its test host connects next.</summary>
    private static bool RunsTests(JsonElement? initialized) =>
        initialized is not { } result
        || !result.TryGetProperty("capabilities", out var capabilities)
        || !capabilities.TryGetProperty("testing", out var testing)
        || !testing.TryGetProperty("supportsDiscovery", out var discovery)
        || discovery.ValueKind != JsonValueKind.False;

    /// <summary>Discovers the application's tests; every discovered node reaches the update callback before this returns.</summary>
    public Task DiscoverAsync(CancellationToken ct) =>
        RequestAsync("testing/discoverTests", new Dictionary<string, object?>(), ct);

    /// <summary>Runs the given cases (by uid), or every test the application's command line selects when <paramref name="uids"/> is null.</summary>
    public Task RunAsync(IReadOnlyCollection<string>? uids, CancellationToken ct)
    {
        var parameters = new Dictionary<string, object?>();
        if (uids is not null)
        {
            parameters["tests"] = uids
                .Select(uid => new Dictionary<string, object?> { ["uid"] = uid, ["display-name"] = uid, ["node-type"] = "action" })
                .ToList();
        }
        return RequestAsync("testing/runTests", parameters, ct);
    }

    /// <summary>Asks the application to exit and waits for it; kills its process tree if it does not.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.Task.IsCompleted && !_rpc.IsDisposed)
            {
                await _rpc.NotifyWithParameterObjectAsync("exit", new Dictionary<string, object?>()).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is ConnectionLostException or ObjectDisposedException or IOException)
        {
            // The application is gone already.
        }
        try
        {
            await _process.Task.WaitAsync(ExitGrace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            ProcessTree.Kill(_process.ProcessId);
        }
        catch (OperationCanceledException)
        {
            // Killed already.
        }
        Kill(_process, _processKill, _connections);
        _rpc.Dispose();
        foreach (var controller in _controllers)
        {
            controller.Dispose();
        }
    }

    /// <summary>Kills the application's process tree now (cancellation, a hang, a timeout).</summary>
    public void Kill() => ProcessTree.Kill(_process.ProcessId);

    private async Task RequestAsync(string method, Dictionary<string, object?> parameters, CancellationToken ct)
    {
        var runId = Guid.NewGuid();
        parameters["runId"] = runId;
        var completed = _updates.Expect(runId);
        await InvokeAsync(_rpc, method, parameters, ct).ConfigureAwait(false);
        // The platform sends a last, empty update after all others; the response may overtake it.
        var first = await Task.WhenAny(completed, Task.Delay(CompletionGrace, ct)).ConfigureAwait(false);
        if (first != completed)
        {
            ct.ThrowIfCancellationRequested();
            throw new TestingPlatformException($"The test application answered {method} but did not say its updates were complete within {CompletionGrace.TotalSeconds:0} s.");
        }
    }

    private static async Task<JsonElement?> InvokeAsync(JsonRpc rpc, string method, Dictionary<string, object?> parameters, CancellationToken ct)
    {
        try
        {
            return await rpc.InvokeWithParameterObjectAsync<JsonElement?>(method, parameters, ct).ConfigureAwait(false);
        }
        catch (RemoteInvocationException exception)
        {
            throw new TestingPlatformException($"The test application failed {method}: {FirstLine(exception.Message)}", exception);
        }
        catch (ConnectionLostException exception)
        {
            throw new TestingPlatformException($"The test application closed the connection during {method} (did it crash?).", exception);
        }
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    private static void Kill(CommandTask<CommandResult> process, CancellationTokenSource processKill, List<TcpClient> connections)
    {
        if (!process.Task.IsCompleted)
        {
            ProcessTree.Kill(process.ProcessId);
            processKill.CancelAfter(ExitGrace);
        }
        foreach (var connection in connections)
        {
            connection.Dispose();
        }
    }

    /// <summary>The notifications the application sends that matter here: test node updates and log lines (telemetry is left unhandled).</summary>
    private sealed class Updates(Action<TestNode> onNode, Action<string> output)
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<Guid, TaskCompletionSource> _completions = [];

        public Task Expect(Guid runId)
        {
            var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _completions[runId] = completion;
            }
            return completion.Task;
        }

        [JsonRpcMethod("testing/testUpdates/tests", UseSingleObjectParameterDeserialization = true)]
        public void OnTestUpdates(JsonElement update)
        {
            if (!update.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
            {
                if (update.TryGetProperty("runId", out var runId) && runId.TryGetGuid(out var id))
                {
                    lock (_gate)
                    {
                        if (_completions.Remove(id, out var completion))
                        {
                            completion.TrySetResult();
                        }
                    }
                }
                return;
            }
            foreach (var change in changes.EnumerateArray())
            {
                if (change.TryGetProperty("node", out var node))
                {
                    onNode(TestNode.Parse(node));
                }
            }
        }

        [JsonRpcMethod("client/log", UseSingleObjectParameterDeserialization = true)]
        public void OnLog(JsonElement message)
        {
            if (message.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.String)
            {
                output(text.GetString() ?? "");
            }
        }
    }
}
