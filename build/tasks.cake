// Helpers shared by the tasks in build.cake. Kept small: anything with logic belongs in src/.
using System.Text.Json;
using System.Xml.Linq;

public sealed record TestCounts(int Passed, int Failed, int Skipped)
{
    public static TestCounts Zero { get; } = new(0, 0, 0);
    public TestCounts Add(TestCounts other) => new(Passed + other.Passed, Failed + other.Failed, Skipped + other.Skipped);
    public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}

public sealed class Repository
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    private readonly ICakeContext _context;

    public Repository(ICakeContext context, DirectoryPath root, string configuration)
    {
        _context = context;
        Root = root;
        Configuration = configuration;
    }

    public DirectoryPath Root { get; }
    public string Configuration { get; }
    public FilePath Solution => Root.CombineWithFilePath("Orchestrator.sln");
    public DirectoryPath Artifacts => Root.Combine("artifacts");
    public DirectoryPath TestResults => Artifacts.Combine("test-results");
    public FilePath OrchestratorDll => Artifacts.CombineWithFilePath($"bin/Orchestrator.Cli/{Configuration.ToLowerInvariant()}/Orchestrator.Cli.dll");

    public void Run(string script, string arguments = "")
    {
        var exitCode = _context.StartProcess(Root.CombineWithFilePath(script), new ProcessSettings
        {
            Arguments = arguments,
            WorkingDirectory = Root,
        });
        if (exitCode != 0)
        {
            throw new CakeException($"{script} {arguments} failed with exit code {exitCode}.");
        }
    }

    /// <summary>Runs a cadence through the orchestrator; the last line printed is the combined count.</summary>
    public void RunCadence(string cadence, string shard, TestCounts alsoCount = null)
    {
        var exitCode = new OrchestratorTool(_context).Run(new OrchestratorRunSettings
        {
            ToolDll = OrchestratorDll,
            WorkingDirectory = Root,
            Cadence = cadence,
            Shard = string.IsNullOrEmpty(shard) ? null : shard,
        });
        var counts = CountVerdict(TestResults).Add(alsoCount ?? TestCounts.Zero);
        _context.Information("Results: {0}", TestResults.FullPath);
        Console.WriteLine(counts.ToString());
        if (exitCode != 0)
        {
            throw new CakeException($"orchestrator run --cadence {cadence} failed with exit code {exitCode}; see {TestResults.FullPath}/summary.md.");
        }
    }

    /// <summary>Runs one test project with plain dotnet test (no orchestrator) and returns its counts.</summary>
    public TestCounts RunPlainTests(string project, string filter)
    {
        var results = Artifacts.Combine("self-check");
        _context.CleanDirectory(results);
        _context.DotNetTest(Root.CombineWithFilePath(project).FullPath, new DotNetTestSettings
        {
            Configuration = Configuration,
            NoBuild = true,
            Filter = filter,
            ResultsDirectory = results,
            Loggers = new[] { "trx" },
        });
        var counts = CountTrx(_context.GetFiles(results.FullPath + "/*.trx"));
        _context.Information("Plain dotnet test of {0}: {1}", project, counts);
        if (counts.Passed == 0)
        {
            throw new CakeException($"Plain dotnet test of {project} ran no test; check the filter '{filter}'.");
        }
        return counts;
    }

    // The counts the orchestrator's verdict states (its last line), as run.json keeps them; none when it wrote no run.json.
    private static TestCounts CountVerdict(DirectoryPath results)
    {
        var runJson = results.CombineWithFilePath("run.json").FullPath;
        if (!System.IO.File.Exists(runJson))
        {
            return TestCounts.Zero;
        }
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(runJson));
        var verdict = document.RootElement.GetProperty("verdict");
        int Read(string name) => verdict.GetProperty(name).GetInt32();
        return new TestCounts(Read("passed") + Read("flaky"), Read("failed") + Read("notRun"), Read("skipped"));
    }

    // Plain dotnet test has no verdict of its own: its TRX counters are the only record of what ran.

    private static TestCounts CountTrx(IEnumerable<FilePath> files)
    {
        var total = TestCounts.Zero;
        foreach (var trx in files)
        {
            var counters = XDocument.Load(trx.FullPath).Descendants(Trx + "Counters").Single();
            int Read(string name) => int.Parse(counters.Attribute(name)?.Value ?? "0");
            total = total.Add(new TestCounts(
                Read("passed"),
                Read("failed") + Read("error") + Read("timeout") + Read("aborted"),
                Read("notExecuted")));
        }
        return total;
    }
}
