using Orchestrator.Model;

namespace Orchestrator.Planning;

/// <summary>The platform id of one case of a planned test: how a Microsoft.Testing.Platform run selects it.</summary>
public sealed record TestCaseId(TestKey Test, string Id);
