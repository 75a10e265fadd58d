namespace Orchestrator.Execution.Console;

/// <summary>A long-lived <c>vstest.console</c> could not be started or spoken to; its units run with <c>dotnet test</c> instead.</summary>
internal sealed class VsTestConsoleException(string consolePath, string cause)
    : Exception($"vstest.console at {consolePath} could not serve runs: {cause}. Its units run with a dotnet test each; set \"execution\": {{ \"sharedVsTestConsole\": false }} to always do so.")
{
    /// <summary>The <c>vstest.console.dll</c> that failed.</summary>
    public string ConsolePath { get; } = consolePath;
}
