namespace Orchestrator.Planning.Selection;

/// <summary>How a filter condition compares: <c>=</c>, <c>!=</c>, <c>~</c>, <c>!~</c>.</summary>
internal enum FilterOperator
{
    Equal,
    NotEqual,
    Contains,
    NotContains,
}
