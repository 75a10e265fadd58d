namespace Orchestrator.Reporting;

/// <summary>
/// What a result is matched on to find the key its test was scheduled under: the assembly upper-cased (matched
/// case-insensitively) and the name, either as the adapter wrote it (<see cref="Exact"/>) or without a parameter list.
/// </summary>
internal readonly record struct ScheduleKey(string Assembly, string Name, bool Exact);
