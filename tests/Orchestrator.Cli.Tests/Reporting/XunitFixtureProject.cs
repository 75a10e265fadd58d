using System.Text;
using CliWrap;
using CliWrap.Buffered;
using Orchestrator.Fixtures;

namespace Orchestrator.Cli.Tests.Reporting;

/// <summary>
/// The fixture project tests/Fixtures/Fx.Sample, built by the main build, with a passing, a failing, a skipped
/// and a flaky test (fails until a marker file exists, then passes). Its runs write their results and the
/// marker into a temporary directory of this fixture's own.
/// </summary>
public sealed class XunitFixtureProject : IDisposable
{
    public const string AssemblyName = "Fx.Sample";
    public const string Passing = "Fx.Sample.CalcTests.Adds_numbers";
    public const string Failing = "Fx.Sample.CalcTests.Divides_badly";
    public const string Skipped = "Fx.Sample.CalcTests.Not_today";
    public const string Flaky = "Fx.Sample.CalcTests.Passes_the_second_time";

    private static readonly TimeSpan _timeout = TimeSpan.FromMinutes(4);

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("orchestrator-fx-").FullName;

    private Task<(string First, string Retry)>? _runAndRetry;

    /// <summary>
    /// Once per fixture: a full run (flaky and failing tests fail) and a re-run of the failed tests
    /// (flaky passes, failing fails again), as the run pipeline does. Returns both TRX paths.
    /// </summary>
    public Task<(string First, string Retry)> RunAndRetryAsync() => _runAndRetry ??= RunAndRetryCoreAsync();

    private async Task<(string First, string Retry)> RunAndRetryCoreAsync()
    {
        var results = System.IO.Directory.CreateDirectory(Path.Combine(Directory, "results")).FullName;
        var marker = Path.Combine(Directory, "flaky.marker");
        var first = await RunAsync(results, marker, filter: null, CancellationToken.None);
        var retry = await RunAsync(results, marker, $"FullyQualifiedName={Failing}|FullyQualifiedName={Flaky}", CancellationToken.None);
        return (first, retry);
    }

    public string AssemblyPath { get; } = PrebuiltFixture.Assembly(AssemblyName);

    /// <summary>Where the fixture's sources are checked in, as its test results name them.</summary>
    public static string SourceDirectory => Path.Combine(Adoption.RepositoryPaths.Root(), "tests", "Fixtures", AssemblyName);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    /// <summary>Runs the built tests with <c>dotnet test &lt;dll&gt;</c>, writing a TRX file; returns its path.</summary>
    public async Task<string> RunAsync(string resultsDirectory, string marker, string? filter, CancellationToken ct)
    {
        var trxName = $"run-{Guid.NewGuid():N}.trx";
        var arguments = new List<string> { "test", AssemblyPath, "--logger", $"trx;LogFileName={trxName}", "--results-directory", resultsDirectory };
        if (filter is not null)
        {
            arguments.AddRange(["--filter", filter]);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_timeout);
        var result = await global::CliWrap.Cli.Wrap("dotnet")
            .WithArguments(arguments)
            .WithEnvironmentVariables(env => env.Set("FX_MARKER", marker))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8, timeout.Token);
        var trx = Path.Combine(resultsDirectory, trxName);
        return File.Exists(trx)
            ? trx
            : throw new InvalidOperationException($"dotnet test wrote no TRX (exit code {result.ExitCode}):\n{result.StandardOutput}\n{result.StandardError}");
    }
}
