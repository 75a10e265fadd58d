namespace Orchestrator.TestLogger;

internal enum LoggerMode
{
    /// <summary>Listing tests (<c>--list-tests</c>): writes <c>discovered</c> and <c>discoveryComplete</c> lines.</summary>
    Discover,

    /// <summary>Running tests: writes <c>runStarted</c>, <c>result</c> and <c>runComplete</c> lines.</summary>
    Run,
}
