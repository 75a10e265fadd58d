using Orchestrator.Results;

namespace Orchestrator.Execution;

/// <summary>One test result, streamed by the logger while a unit runs or read from its TRX afterwards.</summary>
/// <param name="FullyQualifiedName">The test's fully qualified name (data rows of a theory share it).</param>
/// <param name="DisplayName">Name as the framework shows it, with arguments for data rows.</param>
/// <param name="Source">Assembly path the test lives in.</param>
public sealed record LiveTestResult(
    string FullyQualifiedName,
    string DisplayName,
    string Source,
    TestResultOutcome Outcome,
    TimeSpan Duration,
    string? ErrorMessage)
{
    /// <summary>The test case id the platform gave the case (the TRX <c>testId</c>), when the logger sent it.</summary>
    public Guid? Id { get; init; }

    /// <summary>The failure's stack trace, when the runner reports it apart from the message.</summary>
    public string? StackTrace { get; init; }

    /// <summary>The framework the test ran under, when its project is built for several (see <see cref="PlannedAssemblies"/>).</summary>
    public string? TargetFramework { get; init; }

    /// <summary>
    /// The display name with the class in front when the framework shows the method alone (NUnit, MSTest), and the
    /// framework after it when the project is built for several.
    /// </summary>
    public string QualifiedDisplayName => TargetFramework is null
        ? QualifiedName.Of(DisplayName, FullyQualifiedName)
        : $"{QualifiedName.Of(DisplayName, FullyQualifiedName)} ({TargetFramework})";

    /// <summary>The assembly component of the test's key, as <see cref="Model.TestKey.Assembly"/>.</summary>
    public string Assembly => Model.TestAssemblyName.Of(Source, TargetFramework);
}
