using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using CliWrap;
using CliWrap.Buffered;
using Xunit;

namespace Orchestrator.Cli.Tests.Run;

/// <summary>
/// The orchestrator counts what plain <c>dotnet test</c> counts: over the same assembly, its TRX has as many
/// top-level results, with the same names, as the test platform's own (cases whose display names repeat included).
/// </summary>
[Trait("Category", "Integration")]
public sealed class ShopCaseCountTests : IDisposable
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    private readonly string _plainResults = Directory.CreateTempSubdirectory("orchestrator-plain-dotnet-test-").FullName;

    public void Dispose() => Directory.Delete(_plainResults, recursive: true);

    [Fact]
    public async Task The_Shop_unit_tests_report_as_many_cases_as_plain_dotnet_test()
    {
        var configuration = new JsonObject
        {
            ["layers"] = new JsonArray("unit"),
            ["cadences"] = new JsonObject
            {
                ["commit"] = new JsonObject { ["layers"] = new JsonArray("unit"), ["resources"] = new JsonArray(), ["retries"] = 0 },
            },
        };
        using var workspace = RunWorkspace.Create(configuration, "Shop.UnitTests");
        var results = Path.Combine(workspace.Root, "results");
        var assembly = (string)JsonNode.Parse(await File.ReadAllTextAsync(Directory.GetFiles(workspace.ManifestDirectory).Single()))!["targetPath"]!;

        var run = await workspace.RunAsync("commit", results);
        var plain = await PlainDotnetTestAsync(assembly);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\n{run.StandardOutput}\n{run.StandardError}");
        Assert.True(plain.ExitCode == 0, $"exit code {plain.ExitCode}\n{plain.StandardOutput}\n{plain.StandardError}");
        var ours = TopLevelResultNames(Path.Combine(results, "unit.trx"));
        var theirs = TopLevelResultNames(Path.Combine(_plainResults, "plain.trx"));
        Assert.True(theirs.Count > 0, "plain dotnet test reported no result");
        Assert.Equal(theirs.Count, ours.Count);
        Assert.Equal(theirs, ours);
        Assert.True(theirs.Distinct(StringComparer.Ordinal).Count() < theirs.Count,
            "the suite no longer has cases that share a display name: the comparison has lost what it guards");
        Assert.EndsWith($"{theirs.Count.ToString(CultureInfo.InvariantCulture)} passed, 0 failed, 0 skipped", run.StandardOutput.TrimEnd(), StringComparison.Ordinal);
    }

    private async Task<BufferedCommandResult> PlainDotnetTestAsync(string assembly)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        return await global::CliWrap.Cli.Wrap("dotnet")
            .WithArguments(["test", assembly, "--logger", "trx;LogFileName=plain.trx", "--results-directory", _plainResults])
            .WithEnvironmentVariables(environment => environment.Set("DOTNET_CLI_TELEMETRY_OPTOUT", "1"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(deadline.Token);
    }

    /// <summary>The test names of the top-level results (one per case; re-run attempts are nested inside them), sorted.</summary>
    private static List<string> TopLevelResultNames(string trxPath) =>
        [.. XDocument.Load(trxPath).Root!
            .Elements(Trx + "Results")
            .Elements(Trx + "UnitTestResult")
            .Select(result => (string?)result.Attribute("testName") ?? "")
            .Order(StringComparer.Ordinal)];
}
