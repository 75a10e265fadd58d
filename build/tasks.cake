// Helpers shared by the tasks in build.cake. Kept small: anything with logic belongs in src/.
using System.Xml.Linq;

public sealed class Repository
{
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

    // Until the run pipeline drives the suite, each cadence is a VSTest filter over the solution.
    public void RunTests(string cadence, string shard)
    {
        if (!string.IsNullOrEmpty(shard))
        {
            throw new CakeException("--shard needs the orchestrator run pipeline, which this build does not use yet.");
        }
        var filter = cadence switch
        {
            "commit" => "Category=Unit|(Category=Integration&Resource!=postgres&Resource!=redis&Resource!=rabbitmq&Resource!=docker)",
            "pr" => "Category=Unit|Category=Integration",
            "nightly" => null,
            _ => throw new CakeException($"Unknown cadence '{cadence}'. Use commit, pr or nightly."),
        };
        var results = Artifacts.Combine("test-results").Combine(cadence);
        _context.CleanDirectory(results);
        Exception failure = null;
        try
        {
            _context.DotNetTest(Solution.FullPath, new DotNetTestSettings
            {
                Configuration = Configuration,
                NoBuild = true,
                Filter = filter,
                ResultsDirectory = results,
                Loggers = new[] { "trx" },
            });
        }
        catch (Exception exception)
        {
            failure = exception;
        }
        var (passed, failed, skipped) = CountResults(results);
        _context.Information($"{passed} passed, {failed} failed, {skipped} skipped");
        if (failure is not null || failed > 0)
        {
            throw new CakeException($"Tests failed ({failed} failed); results in {results}.", failure);
        }
    }

    private (int Passed, int Failed, int Skipped) CountResults(DirectoryPath results)
    {
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        int passed = 0, failed = 0, skipped = 0;
        foreach (var trx in _context.GetFiles(results.FullPath + "/**/*.trx"))
        {
            var counters = XDocument.Load(trx.FullPath).Descendants(ns + "Counters").Single();
            int Read(string name) => int.Parse(counters.Attribute(name)?.Value ?? "0");
            passed += Read("passed");
            failed += Read("failed") + Read("error") + Read("timeout") + Read("aborted");
            skipped += Read("notExecuted");
        }
        return (passed, failed, skipped);
    }
}
