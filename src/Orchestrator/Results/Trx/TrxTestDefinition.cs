namespace Orchestrator.Results.Trx;

/// <summary>The <c>UnitTest</c> definition of a test in a TRX file.</summary>
/// <param name="Name">The definition's name (the display name of the case).</param>
/// <param name="Storage">The <c>storage</c> attribute (the test logger lower-cases it on some platforms).</param>
/// <param name="CodeBase">The <c>TestMethod/@codeBase</c>: the test assembly path as written.</param>
/// <param name="AdapterTypeName">The executor URI of the adapter that ran the test.</param>
/// <param name="ClassName">Fully qualified name of the test class.</param>
/// <param name="MethodName">Name of the test method.</param>
public sealed record TrxTestDefinition(
    string Name,
    string? Storage,
    string? CodeBase,
    string? AdapterTypeName,
    string ClassName,
    string MethodName);
