namespace Orchestrator.Planning.Selection;

/// <summary>One condition of a <see cref="TestFilter"/>: <c>Category=Integration</c>.</summary>
internal sealed record FilterCondition(string Property, FilterOperator Operator, string Value)
{
    public const string FullyQualifiedName = "FullyQualifiedName";

    /// <summary>
    /// VSTest's rule for a property with several values (a test with two <c>Resource</c> traits): <c>=</c> and
    /// <c>~</c> hold when any value does, <c>!=</c> and <c>!~</c> when none does, so a test without the property passes them.
    /// </summary>
    public bool Matches(IReadOnlyCollection<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Operator switch
        {
            FilterOperator.Equal => values.Any(value => string.Equals(value, Value, StringComparison.OrdinalIgnoreCase)),
            FilterOperator.NotEqual => !values.Any(value => string.Equals(value, Value, StringComparison.OrdinalIgnoreCase)),
            FilterOperator.Contains => values.Any(value => value.Contains(Value, StringComparison.OrdinalIgnoreCase)),
            FilterOperator.NotContains => !values.Any(value => value.Contains(Value, StringComparison.OrdinalIgnoreCase)),
            _ => throw new ArgumentOutOfRangeException(nameof(values), Operator, "Unknown filter operator."),
        };
    }

    public override string ToString() => Operator switch
    {
        FilterOperator.Equal => $"{Property}={Value}",
        FilterOperator.NotEqual => $"{Property}!={Value}",
        FilterOperator.Contains => $"{Property}~{Value}",
        _ => $"{Property}!~{Value}",
    };
}
