namespace Orchestrator.Model;

/// <summary>How a test project's tests are run.</summary>
public enum TestRunnerKind
{
    /// <summary>VSTest: <c>dotnet test</c> over the assembly with the framework's adapter.</summary>
    VSTest,

    /// <summary>Microsoft.Testing.Platform: the test project is its own runner, driven through its server mode.</summary>
    MicrosoftTestingPlatform,
}
