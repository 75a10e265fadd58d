using Orchestrator.Results;

namespace Orchestrator.Tests.Execution;

/// <summary>How a fake unit attempt ends.</summary>
internal sealed record FakeUnitEnd(UnitExit Exit, IReadOnlyList<string> FailedTests);
