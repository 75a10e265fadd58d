using Orchestrator.Model;
using Orchestrator.Results;
using Orchestrator.Results.Trx;

namespace Orchestrator.Tests.Reporting;

/// <summary>Builds run records and TRX results for merge tests, with times relative to a fixed origin.</summary>
internal static class Sample
{
    public static readonly DateTimeOffset Origin = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public static TestKey Key(string name, string assembly = "App.Tests") => new(assembly, "App.Tests." + name);

    public static UnitRun Unit(
        string id,
        IReadOnlyList<TestKey> expected,
        int attempt = 0,
        int repetition = 0,
        UnitExit exit = UnitExit.Passed,
        string? detail = null,
        string layer = "unit",
        string partition = "unit-none",
        double startSeconds = 0,
        double seconds = 10) =>
        new(
            attempt == 0 ? id : $"{id}#retry{attempt}",
            partition,
            layer,
            ResourceSet.None,
            attempt,
            repetition,
            expected,
            $"{id}.trx",
            Origin.AddSeconds(startSeconds),
            Origin.AddSeconds(startSeconds + seconds),
            exit,
            detail);

    public static TestCaseResult Result(
        TestKey key,
        TrxOutcome outcome,
        string? displayName = null,
        string? message = null,
        string? testId = null,
        string? executionId = null,
        double startSeconds = 1,
        double milliseconds = 100,
        string? stdOut = null)
    {
        var dot = key.FullyQualifiedName.LastIndexOf('.');
        var definition = new TrxTestDefinition(
            displayName ?? key.FullyQualifiedName,
            $"/src/bin/{key.Assembly.ToLowerInvariant()}.dll",
            $"/src/bin/{key.Assembly}.dll",
            "executor://xunit/VsTestRunner3/netcore/",
            key.FullyQualifiedName[..dot],
            key.FullyQualifiedName[(dot + 1)..]);
        return new TestCaseResult(
            key,
            displayName ?? key.FullyQualifiedName,
            outcome,
            TimeSpan.FromMilliseconds(milliseconds),
            Origin.AddSeconds(startSeconds),
            Origin.AddSeconds(startSeconds).AddMilliseconds(milliseconds),
            message,
            message is null ? null : "   at App.Tests.Somewhere() in /src/T.cs:line 1",
            stdOut,
            null,
            "vm",
            executionId ?? Guid.NewGuid().ToString(),
            testId ?? IdOf(key, displayName),
            definition);
    }

    public static string IdOf(TestKey key, string? displayName = null) =>
        new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key + "|" + displayName)).AsSpan(0, 16)).ToString();

    public static IReadOnlyList<TestCaseResult> Trx(params TestCaseResult[] results) => results;

    /// <summary>The record with each unit carrying the results given for it (same order; null for none).</summary>
    public static RunRecord WithResults(RunRecord record, IReadOnlyList<IReadOnlyList<TestCaseResult>?> perUnit) =>
        record with { Units = [.. record.Units.Select((unit, index) => unit with { Results = perUnit[index] ?? [] })] };

    public static RunRecord Record(IReadOnlyList<UnitRun> units, bool incomplete = false, IReadOnlyList<ContainerLifetime>? containers = null) =>
        new("run-1", "commit", Origin, Origin.AddSeconds(60), incomplete, units, containers ?? [], new RunPhases { Execute = TimeSpan.FromSeconds(50) });
}
