// Cake aliases for the orchestrator, shipped in the Orchestrator.Tool package. Load them with
//   #load nuget:?package=Orchestrator.Tool&version=<version>
// (or #load "<path>/Orchestrator.cake") and call OrchestratorRun / OrchestratorPlan / OrchestratorMerge /
// OrchestratorUp / OrchestratorDown from a task,
// or new OrchestratorTool(Context) from a class. They start the tool as a process: `dotnet orchestrator` (a local
// tool, see .config/dotnet-tools.json) unless ToolDll points at a built Orchestrator.Cli.dll.
// Exit codes: 0 passed, 1 tests failed (returned, so the caller decides), 2 usage or configuration error and
// 3 internal error (both thrown as CakeException).

public class OrchestratorSettings
{
    /// <summary>A built Orchestrator.Cli.dll to run with dotnet; null runs the `dotnet orchestrator` tool.</summary>
    public FilePath ToolDll { get; set; }

    /// <summary>The configuration file; null lets the tool find orchestrator.json from the working directory up.</summary>
    public FilePath Config { get; set; }

    /// <summary>Where the tool runs; null is the Cake working directory.</summary>
    public DirectoryPath WorkingDirectory { get; set; }
}

public class OrchestratorRunSettings : OrchestratorSettings
{
    /// <summary>The cadence; null is the tool's default (commit), or for a slice (Filter, Projects) every layer and resource.</summary>
    public string Cadence { get; set; }

    /// <summary>One shard of the plan, "i/n" (1-based); null runs the whole selection.</summary>
    public string Shard { get; set; }

    /// <summary>A timings file to plan by (shared between CI agents); null plans by local history, or none when sharded.</summary>
    public FilePath Timings { get; set; }

    /// <summary>The results directory; null is artifacts/test-results beside the configuration.</summary>
    public DirectoryPath Results { get; set; }

    /// <summary>Build first, as `orchestrator build` does.</summary>
    public bool Build { get; set; }

    /// <summary>A slice: a dotnet test filter (FullyQualifiedName~Checkout, Category=Integration&amp;Resource=postgres); null runs the cadence.</summary>
    public string Filter { get; set; }

    /// <summary>A slice: only these test projects (assembly names).</summary>
    public List<string> Projects { get; set; } = new List<string>();

    /// <summary>Run the selection this many times and report pass rates, failure messages and durations; null runs it once.</summary>
    public int? Repeat { get; set; }

    /// <summary>With Repeat: stop starting a mode's repetitions once one failed.</summary>
    public bool UntilFail { get; set; }

    /// <summary>With Repeat: "alone" (the default), "alongside" or "both", compared in the report.</summary>
    public string Mode { get; set; }

    /// <summary>Run on the containers `orchestrator up` keeps instead of starting new ones (`run --reuse`).</summary>
    public bool Reuse { get; set; }

    /// <summary>Run every selected test, reusing no pass from the result cache (`run --no-cache`).</summary>
    public bool NoCache { get; set; }
}

public class OrchestratorUpSettings : OrchestratorSettings
{
    /// <summary>The cadence whose tests' resources to keep up; null is the tool's default (pr).</summary>
    public string Cadence { get; set; }

    /// <summary>A slice instead: a dotnet test filter (`--filter`).</summary>
    public string Filter { get; set; }

    /// <summary>A slice instead: test projects by assembly name (`--project`).</summary>
    public List<string> Projects { get; set; } = new List<string>();
}

public class OrchestratorPlanSettings : OrchestratorSettings
{
    public string Cadence { get; set; } = "commit";
    public string Shard { get; set; }
    public FilePath Timings { get; set; }
}

public class OrchestratorMergeSettings : OrchestratorSettings
{
    /// <summary>The results directories of the shards (or one kept work directory).</summary>
    public List<DirectoryPath> Inputs { get; set; } = new List<DirectoryPath>();

    public DirectoryPath Output { get; set; }

    /// <summary>Where the combined timings are written for the next pipeline's cache; null writes none.</summary>
    public FilePath Timings { get; set; }
}

public class OrchestratorTool
{
    private readonly ICakeContext _context;

    public OrchestratorTool(ICakeContext context) => _context = context;

    /// <returns>0 when every selected test passed, 1 when tests failed.</returns>
    public int Run(OrchestratorRunSettings settings)
    {
        var arguments = Command("run", settings);
        Optional(arguments, "--cadence", settings.Cadence);
        Optional(arguments, "--shard", settings.Shard);
        Optional(arguments, "--timings", settings.Timings?.FullPath);
        Optional(arguments, "--results", settings.Results?.FullPath);
        if (settings.Build)
        {
            arguments.Append("--build");
        }
        if (settings.Reuse)
        {
            arguments.Append("--reuse");
        }
        if (settings.NoCache)
        {
            arguments.Append("--no-cache");
        }
        Optional(arguments, "--filter", settings.Filter);
        foreach (var project in settings.Projects)
        {
            Optional(arguments, "--project", project);
        }
        Optional(arguments, "--repeat", settings.Repeat?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (settings.UntilFail)
        {
            arguments.Append("--until-fail");
        }
        Optional(arguments, "--mode", settings.Mode);
        return Start(arguments, settings);
    }

    /// <summary>Starts the resources the selection needs and keeps them until Down; writes .orchestrator/env and orchestrator.runsettings.</summary>
    public void Up(OrchestratorUpSettings settings)
    {
        var arguments = Command("up", settings);
        Optional(arguments, "--cadence", settings.Cadence);
        Optional(arguments, "--filter", settings.Filter);
        foreach (var project in settings.Projects)
        {
            arguments.Append("--project").AppendQuoted(project);
        }
        Start(arguments, settings);
    }

    /// <summary>Removes what Up keeps.</summary>
    public void Down(OrchestratorSettings settings) => Start(Command("down", settings), settings);

    public int Plan(OrchestratorPlanSettings settings)
    {
        var arguments = Command("plan", settings).Append("--cadence").AppendQuoted(settings.Cadence);
        Optional(arguments, "--shard", settings.Shard);
        Optional(arguments, "--timings", settings.Timings?.FullPath);
        return Start(arguments, settings);
    }

    /// <returns>0 when the merged results passed, 1 when tests failed.</returns>
    public int Merge(OrchestratorMergeSettings settings)
    {
        if (settings.Inputs.Count == 0 || settings.Output is null)
        {
            throw new CakeException("OrchestratorMerge needs Inputs (the shards' results directories) and an Output directory.");
        }
        var arguments = Command("merge", settings);
        foreach (var input in settings.Inputs)
        {
            arguments.AppendQuoted(input.FullPath);
        }
        arguments.Append("--output").AppendQuoted(settings.Output.FullPath);
        Optional(arguments, "--timings", settings.Timings?.FullPath);
        return Start(arguments, settings);
    }

    private static ProcessArgumentBuilder Command(string command, OrchestratorSettings settings)
    {
        var arguments = new ProcessArgumentBuilder();
        if (settings.ToolDll is null)
        {
            arguments.Append("orchestrator");
        }
        else
        {
            arguments.AppendQuoted(settings.ToolDll.FullPath);
        }
        arguments.Append(command);
        Optional(arguments, "--config", settings.Config?.FullPath);
        return arguments;
    }

    private static void Optional(ProcessArgumentBuilder arguments, string option, string value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            arguments.Append(option).AppendQuoted(value);
        }
    }

    private int Start(ProcessArgumentBuilder arguments, OrchestratorSettings settings)
    {
        var exitCode = _context.StartProcess("dotnet", new ProcessSettings
        {
            Arguments = arguments,
            WorkingDirectory = settings.WorkingDirectory ?? _context.Environment.WorkingDirectory,
        });
        if (exitCode >= 2)
        {
            throw new CakeException($"dotnet {arguments.RenderSafe()} failed with exit code {exitCode} (2: usage or configuration error, 3: internal error); its message is above.");
        }
        return exitCode;
    }
}

public int OrchestratorRun(OrchestratorRunSettings settings) => new OrchestratorTool(Context).Run(settings);

public int OrchestratorPlan(OrchestratorPlanSettings settings) => new OrchestratorTool(Context).Plan(settings);

public int OrchestratorMerge(OrchestratorMergeSettings settings) => new OrchestratorTool(Context).Merge(settings);

public void OrchestratorUp(OrchestratorUpSettings settings) => new OrchestratorTool(Context).Up(settings);

public void OrchestratorDown(OrchestratorSettings settings) => new OrchestratorTool(Context).Down(settings);
