using CliWrap;

namespace Orchestrator.Execution;

/// <summary>A unit as a <c>dotnet test</c> process of its own; killing it kills its whole tree.</summary>
internal sealed class DotnetTestRun : IRunningUnit
{
    private readonly CancellationTokenSource _lastResort = new();
    private readonly CommandTask<CommandResult> _task;
    private readonly Action<string> _line;
    private readonly TimeSpan _killGrace;

    /// <exception cref="System.ComponentModel.Win32Exception">The process could not be started.</exception>
    public DotnetTestRun(Command command, Action<string> line, TimeSpan killGrace)
    {
        _line = line;
        _killGrace = killGrace;
        _task = command
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line))
            .ExecuteAsync(_lastResort.Token);
    }

    public int ProcessId => _task.ProcessId;

    public int? OwnProcessId => _task.ProcessId;

    public bool ExitCodeCountsFailures => true;

    public void Kill()
    {
        ProcessTree.Kill(_task.ProcessId);
        // Should the tree refuse to die, CliWrap's own kill ends the wait.
        _lastResort.CancelAfter(_killGrace);
    }

    public async Task<int?> EndAsync()
    {
        try
        {
            return (await _task.ConfigureAwait(false)).ExitCode;
        }
        catch (OperationCanceledException)
        {
            _line("The process did not exit after its tree was killed; it was killed again.");
            return null;
        }
    }

    public void Dispose() => _lastResort.Dispose();
}
