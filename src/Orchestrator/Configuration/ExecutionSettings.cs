namespace Orchestrator.Configuration;

/// <summary>How units are executed (configuration <c>execution</c>).</summary>
/// <param name="SharedVsTestConsole">
/// VSTest units run on long-lived <c>vstest.console</c>s in design mode (one per unit running at once) instead of a
/// <c>dotnet test</c> and a console each; units a console cannot serve (hang dumps, the team's command-line loggers or
/// collectors) still get their own.
/// </param>
public sealed record ExecutionSettings(bool SharedVsTestConsole)
{
    public static ExecutionSettings Default { get; } = new(SharedVsTestConsole: false);
}
