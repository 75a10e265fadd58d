using Orchestrator.Security;
using Spectre.Console;

namespace Orchestrator.Cli.Run;

/// <summary>Chooses how a run's progress is shown: a live table on an interactive terminal, timestamped lines in CI or when output is redirected.</summary>
internal static class RunProgressRenderers
{
    public static IRunProgressRenderer Create(SecretRedactor redactor) =>
        IsInteractive(Console.IsOutputRedirected, Environment.GetEnvironmentVariable("CI"))
            ? new LiveRunProgress(AnsiConsole.Console, redactor)
            : new PlainRunProgress(Console.Out, redactor);

    internal static bool IsInteractive(bool outputRedirected, string? ci) =>
        !outputRedirected && string.IsNullOrEmpty(ci) && AnsiConsole.Profile.Capabilities.Interactive;
}
