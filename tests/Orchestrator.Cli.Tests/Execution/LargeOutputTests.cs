using Orchestrator.Execution;
using Orchestrator.Pipeline;
using Orchestrator.Reporting;
using Orchestrator.Results.Trx;
using Orchestrator.Security;
using Xunit;

namespace Orchestrator.Cli.Tests.Execution;

/// <summary>A real unit whose test prints tens of megabytes, each line naming a secret, run and published as a run does.</summary>
[Trait("Category", "Integration")]
public sealed class LargeOutputTests(FixtureProject fixture) : IClassFixture<FixtureProject>, IDisposable
{
    private const int OutputMegabytes = 24;
    private const long OutputBytes = OutputMegabytes * 1024L * 1024L;

    private readonly FixtureProject _fixture = fixture;
    private readonly string _root = Directory.CreateTempSubdirectory("orchestrator-large-output-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_test_s_large_output_is_stored_once_masked_and_shown_truncated_with_a_pointer()
    {
        const string secret = "Large-0utput-Secret-Pa55";
        var redactor = new SecretRedactor();
        redactor.Register(secret);
        var work = RunWorkDirectory.Create(Path.Combine(_root, ".orchestrator"), "run-large");
        var results = Path.Combine(_root, "results");
        Directory.CreateDirectory(results);
        using var run = new UnitRunDirectory();
        var options = run.Options(("FIXTURE_OUTPUT_MB", OutputMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("FIXTURE_OUTPUT_SECRET", secret))
            with { ResultsDirectory = work.Path, Redactor = redactor };
        var plan = FixtureProject.Plan(_fixture.Unit("integration-none#1", "Writes_large_output"));

        var record = await TestRunner.RunAsync(plan, options, null, new RecordingProgress(), CancellationToken.None);
        var published = await work.PublishAsync(record, results, redactor, CancellationToken.None);
        var report = await ResultsReporter.WriteReportAsync(published, new ReportOptions(results) { Redactor = redactor, StepSummaryPath = null }, CancellationToken.None);
        work.Remove();

        var result = Assert.Single(Assert.Single(record.Units).Results);
        Assert.True(result.StdOut!.Length < TrxReader.TextLimit + 1024, $"the result holds {result.StdOut.Length} characters of output");
        Assert.Contains("more characters left out here: the unit's TRX file under units/ in the results directory holds all of them", result.StdOut, StringComparison.Ordinal);
        Assert.Equal(0, report.Verdict.ExitCode);

        var stored = Directory.EnumerateFiles(results, "*", SearchOption.AllDirectories).Select(file => new FileInfo(file)).ToList();
        var trx = Assert.Single(stored, file => file.Extension == ".trx" && file.DirectoryName!.EndsWith(ResultsReporter.UnitsDirectoryName, StringComparison.Ordinal));
        // All of the output, less what masking the secret on every line took out.
        Assert.True(trx.Length > OutputBytes * 9 / 10, $"the unit's TRX under units/ holds {trx.Length} bytes, less than the output");
        var total = stored.Sum(file => file.Length);
        Assert.True(total < OutputBytes * 3 / 2, $"the results hold {total} bytes for {OutputBytes} bytes of output: " + string.Join(", ", stored.Select(file => $"{Path.GetRelativePath(results, file.FullName)} {file.Length}")));
        foreach (var file in stored)
        {
            Assert.DoesNotContain(File.ReadLines(file.FullName), line => line.Contains(secret, StringComparison.Ordinal));
        }
    }
}
