using Xunit;

namespace Orchestrator.Cli.Tests.Pipeline;

/// <summary>Tests that redirect the process's console run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleUse
{
    public const string Name = "Console";
}
