using System.Text.Json;

namespace Orchestrator.Execution.Console;

/// <summary>One message of <c>vstest.console</c>'s design-mode protocol: its type and its payload (undefined when it has none).</summary>
internal sealed record DesignModeMessage(string MessageType, JsonElement Payload)
{
    public const string Connected = "TestSession.Connected";
    public const string ProtocolVersion = "ProtocolVersion";
    public const string RunAllWithDefaultHost = "TestExecution.RunAllWithDefaultHost";
    public const string AbortTestRun = "TestExecution.AbortTestRun";
    public const string RunCompleted = "TestExecution.Completed";
    public const string TestMessage = "TestSession.Message";
    public const string Terminate = "TestSession.Terminate";
}
