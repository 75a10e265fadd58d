namespace Orchestrator.Model;

/// <summary>
/// One case of a planned test as discovery listed it: a theory's data row, an NUnit test case, or a test's only case.
/// Its id (the one the test platform gives it, which a TRX writes as <c>testId</c>) with the test's key (assembly and
/// target framework) identifies it in results; its display name is what reports show when it produced none.
/// </summary>
/// <param name="Test">The test the case belongs to.</param>
/// <param name="Id">The platform's id of the case: a VSTest test case id or a Microsoft.Testing.Platform node uid.</param>
/// <param name="DisplayName">The case's display name exactly as the framework gave it.</param>
public sealed record TestCaseRow(TestKey Test, string Id, string DisplayName);
