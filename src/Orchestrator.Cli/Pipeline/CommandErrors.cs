using Orchestrator.Building;
using Orchestrator.Configuration;
using Orchestrator.Pipeline;
using Orchestrator.Resources;

namespace Orchestrator.Cli.Pipeline;

/// <summary>
/// The one error policy of every command: what the user can fix (bad configuration or arguments, resources that
/// cannot be provided, a failed build) is a clear message on stderr and exit code 2; anything else is a bug of the
/// orchestrator, exit code 3 with the stack trace and a request to report it (an <see cref="ArgumentException"/>
/// from inside is a bug too, never passed off as the user's mistake). Test failures are the commands' own exit 1.
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
        catch (Exception expected) when (expected is UsageException or ResourceException or BuildException)
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
