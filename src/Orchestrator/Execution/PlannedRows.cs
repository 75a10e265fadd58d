using Orchestrator.Model;
using Orchestrator.Results;
using Orchestrator.Results.Trx;

namespace Orchestrator.Execution;

/// <summary>
/// A unit's discovered cases by identity (assembly with its framework, and the platform's case id): gives a result read
/// from the unit's TRX the names discovery had for its case, where the TRX logger escaped characters outside the Basic
/// Multilingual Plane (<c>Counts("🎉")</c> written as <c>Counts("\ud83c\udf89")</c>), so names stay exact in every report.
/// </summary>
internal sealed class PlannedRows
{
    private readonly Dictionary<(string Assembly, string Id), TestCaseRow> _rows = [];

    public PlannedRows(IEnumerable<TestCaseRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            _rows.TryAdd(Identity(row.Test.Assembly, row.Id), row);
        }
    }

    /// <summary>The identity results and cases are matched on: the key's assembly (with its framework) and the case id, both case-insensitively.</summary>
    internal static (string Assembly, string Id) Identity(string assembly, string id) => (assembly.ToUpperInvariant(), id.ToUpperInvariant());

    /// <summary>The discovered case with this identity (assembly with its framework, and case id), when the unit planned one.</summary>
    public bool TryGet(string assembly, string id, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TestCaseRow row) =>
        _rows.TryGetValue(Identity(assembly, id), out row);

    /// <summary>The result with its case's planned names where the TRX holds them escaped; the same instance otherwise.</summary>
    public TestCaseResult Named(TestCaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!_rows.TryGetValue(Identity(result.Key.Assembly, result.TestId), out var row))
        {
            return result;
        }
        var definition = result.Definition;
        var fullyQualifiedName = row.Test.FullyQualifiedName;
        var method = definition.ClassName.Length > 0 && fullyQualifiedName.StartsWith(definition.ClassName + ".", StringComparison.Ordinal)
            ? TrxEscaping.Unescaped(definition.MethodName, fullyQualifiedName[(definition.ClassName.Length + 1)..])
            : definition.MethodName;
        var name = TrxEscaping.Unescaped(TrxEscaping.Unescaped(definition.Name, row.DisplayName), fullyQualifiedName);
        var displayName = TrxEscaping.Unescaped(TrxEscaping.Unescaped(result.DisplayName, row.DisplayName), fullyQualifiedName);
        if (ReferenceEquals(method, definition.MethodName) && ReferenceEquals(name, definition.Name) && ReferenceEquals(displayName, result.DisplayName))
        {
            return result;
        }
        return result with { DisplayName = displayName, Definition = definition with { Name = name, MethodName = method } };
    }
}
