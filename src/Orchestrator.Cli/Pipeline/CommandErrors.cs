using Orchestrator.Building;
using Orchestrator.Configuration;
using Orchestrator.Resources;

namespace Orchestrator.Cli.Pipeline;

/// <summary>
/// Turns the errors a command expects (bad configuration, bad arguments, resources that cannot be
/// provided) into a clear message on stderr and an honest exit code, instead of a stack trace.
/// </summary>
internal static class CommandErrors
{
    public static async Task<int> GuardAsync(Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (ConfigurationException invalid)
        {
            await Console.Error.WriteLineAsync($"error: {invalid.SourcePath} is not valid:");
            foreach (var error in invalid.Errors)
            {
                var line = error.Line is { } number ? $" (line {number})" : "";
                var fix = error.Fix is { Length: > 0 } how ? $" {how}" : "";
                await Console.Error.WriteLineAsync($"  {error.Path}{line}: {error.Message}{fix}");
            }
            return ExitCodes.CannotStart;
        }
        catch (Exception expected) when (expected is UsageException or ResourceException or ArgumentException or BuildException)
        {
            await Console.Error.WriteLineAsync($"error: {expected.Message}");
            return ExitCodes.CannotStart;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled before any test ran.");
            return ExitCodes.Cancelled;
        }
        catch (Exception bug) when (bug is not OutOfMemoryException)
        {
            await Console.Error.WriteLineAsync(
                $"internal error: {bug}\nThis is a bug in the orchestrator, not in your tests or configuration: " +
                "please report it with the output above and the command you ran.");
            return ExitCodes.InternalError;
        }
    }
}
