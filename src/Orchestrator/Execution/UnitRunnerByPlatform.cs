using Orchestrator.Model;
using Orchestrator.Results;

namespace Orchestrator.Execution;

/// <summary>Hands each unit to the runner of its platform: VSTest units to one, Microsoft.Testing.Platform units to the other.</summary>
internal sealed class UnitRunnerByPlatform(IUnitRunner vsTest, IUnitRunner testingPlatform) : IUnitRunner
{
    public Task<UnitRun> RunAsync(UnitAttempt attempt, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return attempt.Unit.Runner == TestRunnerKind.MicrosoftTestingPlatform
            ? testingPlatform.RunAsync(attempt, environment, ct)
            : vsTest.RunAsync(attempt, environment, ct);
    }
}
