namespace Orchestrator.Benchmarks.Scale;

/// <summary>A finished command: exit code, wall time from start to exit, and its output.</summary>
internal sealed record ToolRun(string Label, int ExitCode, TimeSpan Elapsed, string StandardOutput, string StandardError);
