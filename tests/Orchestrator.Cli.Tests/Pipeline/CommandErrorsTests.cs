using System.CommandLine;
using Orchestrator.Cli.Pipeline;
using Orchestrator.Configuration;
using Orchestrator.Pipeline;
using Orchestrator.Resources;
using Xunit;

namespace Orchestrator.Cli.Tests.Pipeline;

/// <summary>The one error policy, in process: every command with every kind of bad input it can be given.</summary>
[Trait("Category", "Unit")]
[Collection(ConsoleUse.Name)]
public sealed class CommandErrorsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("orchestrator-errors-").FullName;

    public CommandErrorsTests()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "invalid"));
        File.WriteAllText(Path.Combine(_directory, "invalid", "orchestrator.json"), """{ "layers": 3 }""");
        File.WriteAllText(Path.Combine(_directory, "invalid", "run.json"), "{ \"runId\": ");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private sealed record Invocation(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit code {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
    }

    private static async Task<Invocation> InvokeAsync(Func<InvocationConfiguration, Task<int>> invoke)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var (originalOutput, originalError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exitCode = await invoke(new InvocationConfiguration { Output = output, Error = error });
            return new Invocation(exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOutput);
            Console.SetError(originalError);
        }
    }

    private Task<Invocation> InvokeAsync(string commandLine, string? dockerHost = null)
    {
        var args = commandLine.Replace("{dir}", _directory, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Func<string, string?>? environment = dockerHost is null
            ? null
            : name => name == "DOCKER_HOST" ? dockerHost : Environment.GetEnvironmentVariable(name);
        return InvokeAsync(configuration => OrchestratorCommandLine.InvokeAsync(args, configuration, environment));
    }

    private static void AssertNoStackTrace(Invocation result)
    {
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Error, StringComparison.Ordinal);
    }

    public static TheoryData<string, string?, string> UserMistakes => new()
    {
        // Missing configuration (or, for the commands that read none, their own missing input).
        { "run --config {dir}/missing/orchestrator.json", null, "orchestrator init" },
        { "plan --config {dir}/missing/orchestrator.json", null, "orchestrator init" },
        { "discover --config {dir}/missing/orchestrator.json", null, "orchestrator init" },
        { "build --config {dir}/missing/orchestrator.json", null, "orchestrator init" },
        { "doctor --config {dir}/missing/orchestrator.json", null, "orchestrator init" },
        { "merge {dir}/missing --output {dir}/merged", null, "{dir}/missing/run.json' does not exist" },
        { "init --path {dir}/missing", null, "{dir}/missing' does not exist" },
        // Invalid configuration (or input).
        { "run --config {dir}/invalid/orchestrator.json", null, "orchestrator.json is not valid" },
        { "plan --config {dir}/invalid/orchestrator.json", null, "orchestrator.json is not valid" },
        { "discover --config {dir}/invalid/orchestrator.json", null, "orchestrator.json is not valid" },
        { "build --config {dir}/invalid/orchestrator.json", null, "orchestrator.json is not valid" },
        { "doctor --config {dir}/invalid/orchestrator.json", null, "orchestrator.json is not valid" },
        { "merge {dir}/invalid --output {dir}/merged", null, "is not a valid run record" },
        { "init --path {dir}/invalid", null, "already exists" },
        // Bad option values.
        { "run --shard 0/2", null, "--shard '0/2' is not valid" },
        { "run --shard 3/2", null, "--shard '3/2' is not valid" },
        { "run --shard x", null, "--shard 'x' is not valid" },
        { "plan --shard 0/2", null, "--shard '0/2' is not valid" },
        { "plan --shard x", null, "--shard 'x' is not valid" },
        { "discover --manifests", null, "--manifests" },
        { "merge", null, "merge" },
        { "clean --run-id", null, "--run-id" },
        { "init --path", null, "--path" },
        { "build --config", null, "--config" },
        { "doctor --config", null, "--config" },
        { "run --cadence", null, "--cadence" },
        { "run --no-such-option", null, "--no-such-option" },
        { "plan --no-such-option", null, "--no-such-option" },
        { "discover --no-such-option", null, "--no-such-option" },
        { "merge {dir} --output", null, "--output" },
        { "clean --no-such-option", null, "--no-such-option" },
        { "init --no-such-option", null, "--no-such-option" },
        { "build --no-such-option", null, "--no-such-option" },
        { "doctor --no-such-option", null, "--no-such-option" },
        { "no-such-command", null, "no-such-command" },
        // A DOCKER_HOST that is no engine address, or names no socket, for the command that reaches the engine at once.
        { "clean", "unix://", "error: DOCKER_HOST='unix://' is not an engine address" },
        { "clean", "tcp://", "error: DOCKER_HOST='tcp://' is not an engine address" },
        { "clean --all", "unix://", "error: DOCKER_HOST='unix://' is not an engine address" },
        { "clean", "unix:///nonexistent-orchestrator-engine.sock", "error: The Docker engine at unix:///nonexistent-orchestrator-engine.sock" },
    };

    [Theory]
    [MemberData(nameof(UserMistakes))]
    public async Task Every_user_mistake_exits_2_with_an_error_naming_it_and_no_stack_trace(string commandLine, string? dockerHost, string expected)
    {
        var result = await InvokeAsync(commandLine, dockerHost);

        Assert.True(result.ExitCode == ExitCodes.CannotStart, result.ToString());
        Assert.Contains(expected.Replace("{dir}", _directory, StringComparison.Ordinal), result.Error, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task A_missing_engine_socket_is_named_as_such_with_a_fix_a_user_of_the_packed_tool_can_follow()
    {
        var socket = Path.Combine(_directory, "no-engine.sock");

        var result = await InvokeAsync("clean", "unix://" + socket);

        Assert.True(result.ExitCode == ExitCodes.CannotStart, result.ToString());
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains($"the socket file {socket} does not exist", result.Error, StringComparison.Ordinal);
        Assert.Contains("DOCKER_HOST", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("eng/docker", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot assign requested address", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_configuration_file_the_error_points_at_orchestrator_init()
    {
        var exception = Assert.Throws<UsageException>(() => ConfigurationSource.Load(null, _directory));

        Assert.Contains($"No orchestrator.json found in {_directory} or above", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'orchestrator init'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unexpected_exception_of_any_command_exits_3_asking_for_a_report()
    {
        var root = new RootCommand { new Command("broken") };
        root.Subcommands[0].SetAction((_, _) => Task.FromException<int>(new InvalidOperationException("unexpected state")));

        var result = await InvokeAsync(configuration => OrchestratorCommandLine.InvokeAsync(root, ["broken"], configuration));

        Assert.True(result.ExitCode == ExitCodes.InternalError, result.ToString());
        Assert.Contains("internal error: System.InvalidOperationException: unexpected state", result.Error, StringComparison.Ordinal);
        Assert.Contains("This is a bug in the orchestrator", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_the_user_can_fix_exits_2_and_a_bug_exits_3_asking_for_a_report()
    {
        var stderr = new StringWriter();
        var original = Console.Error;
        Console.SetError(stderr);
        try
        {
            Assert.Equal(ExitCodes.CannotStart, await CommandErrors.GuardAsync(() => throw new UsageException("Cadence 'prr' is not defined.")));
            Assert.Equal(ExitCodes.CannotStart, await CommandErrors.GuardAsync(() => throw new ResourceException("postgres", "The engine does not answer.")));
            Assert.Equal(ExitCodes.CannotStart, await CommandErrors.GuardAsync(() => throw new ConfigurationException("/repo/orchestrator.json", [new ConfigurationError("$.layers", null, "Expected an array.")])));
            Assert.Equal(ExitCodes.InternalError, await CommandErrors.GuardAsync(() => throw new ArgumentException("Unit 'x' has no test assemblies to run.")));
            Assert.Equal(ExitCodes.InternalError, await CommandErrors.GuardAsync(() => throw new InvalidOperationException("unexpected state")));
        }
        finally
        {
            Console.SetError(original);
        }

        var text = stderr.ToString();
        Assert.Contains("error: Cadence 'prr' is not defined.", text, StringComparison.Ordinal);
        Assert.Contains("internal error: System.ArgumentException: Unit 'x' has no test assemblies to run.", text, StringComparison.Ordinal);
        Assert.Contains("This is a bug in the orchestrator", text, StringComparison.Ordinal);
    }
}
