using Orchestrator.Cli.Pipeline;
using Orchestrator.Configuration;
using Orchestrator.Pipeline;
using Orchestrator.Resources;
using Xunit;

namespace Orchestrator.Cli.Tests.Pipeline;

[Trait("Category", "Unit")]
[Collection(ConsoleUse.Name)]
public sealed class CommandErrorsTests
{
    [Fact]
    public async Task What_the_user_can_fix_exits_2_and_a_bug_exits_3_asking_for_a_report()
    {
        var stderr = new StringWriter();
        var original = Console.Error;
        Console.SetError(stderr);
        try
        {
            Assert.Equal(ExitCodes.CannotStart, await CommandErrors.GuardAsync(() => throw new UsageException("Cadence 'prr' is not defined.")));
            Assert.Equal(ExitCodes.CannotStart, await CommandErrors.GuardAsync(() => throw new ResourceException("postgres", "The engine does not answer.")));
            Assert.Equal(ExitCodes.CannotStart, await CommandErrors.GuardAsync(() => throw new ConfigurationException("/repo/orchestrator.json", [new ConfigurationError("$.layers", null, "Expected an array.")])));
            Assert.Equal(ExitCodes.InternalError, await CommandErrors.GuardAsync(() => throw new ArgumentException("Unit 'x' has no test assemblies to run.")));
            Assert.Equal(ExitCodes.InternalError, await CommandErrors.GuardAsync(() => throw new InvalidOperationException("unexpected state")));
        }
        finally
        {
            Console.SetError(original);
        }

        var text = stderr.ToString();
        Assert.Contains("error: Cadence 'prr' is not defined.", text, StringComparison.Ordinal);
        Assert.Contains("internal error: System.ArgumentException: Unit 'x' has no test assemblies to run.", text, StringComparison.Ordinal);
        Assert.Contains("This is a bug in the orchestrator", text, StringComparison.Ordinal);
    }
}

