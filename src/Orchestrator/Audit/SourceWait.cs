namespace Orchestrator.Audit;

/// <summary>A fixed wait in test code (<c>Thread.Sleep</c>, <c>Task.Delay</c>) outside a polling loop.</summary>
/// <param name="Call">The call as written, e.g. <c>Thread.Sleep</c>.</param>
internal sealed record SourceWait(string File, int Line, string Call);
