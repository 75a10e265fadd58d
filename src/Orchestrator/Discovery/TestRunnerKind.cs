namespace Orchestrator.Discovery;

/// <summary>How a test project's tests are run.</summary>
public enum TestRunnerKind
{
    /// <summary>VSTest (<c>dotnet test</c> with an adapter): supported.</summary>
    VSTest,

    /// <summary>Microsoft.Testing.Platform (the test project is its own runner): not supported yet.</summary>
    MicrosoftTestingPlatform,
}
