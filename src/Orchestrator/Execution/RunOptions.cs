using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.Execution.Settings;
using Orchestrator.Results;
using Orchestrator.Security;

namespace Orchestrator.Execution;

/// <summary>How a plan is executed: where results go, limits, deadlines, re-runs and the tests' environment.</summary>
/// <param name="RunId">Unique id of the run (results, namespaces and container labels carry it).</param>
/// <param name="ResultsDirectory">Root directory; each unit process gets its own sub-directory with its TRX and log.</param>
public sealed record RunOptions(string RunId, string ResultsDirectory)
{
    public ParallelismSettings Parallelism { get; init; } = ParallelismSettings.Default;

    public TimeoutSettings Timeouts { get; init; } = TimeoutSettings.Default;

    /// <summary>Re-runs of failed (and crash-orphaned) tests, in fresh processes and namespaces (cadence <c>Retries</c>).</summary>
    public int Retries { get; init; }

    /// <summary>How many times the whole selection runs (cadence <c>Repeat</c>); at least 1.</summary>
    public int Repeat { get; init; } = 1;

    /// <summary>
    /// The modes <see cref="Repeat"/> runs in (<c>run --repeat N --mode</c>), one after another: alone runs the plan's
    /// units one repetition at a time with nothing else running, alongside the plan's <see cref="Planning.TestPlan.Alongside"/>
    /// units in parallel. Empty repeats the plan's units in parallel (a cadence's <c>repeat</c>).
    /// </summary>
    public IReadOnlyList<RepetitionMode> Modes { get; init; } = [];

    /// <summary>Stop scheduling a mode's repetitions once one of them failed; those already running finish (<c>--until-fail</c>).</summary>
    public bool UntilFail { get; init; }

    /// <summary>Resource definitions by name; every resource a unit needs must be here.</summary>
    public ImmutableDictionary<string, ResourceDefinition> Resources { get; init; } =
        ImmutableDictionary<string, ResourceDefinition>.Empty;

    /// <summary>Extra variables for every test process (configuration <c>testEnvironment</c>), applied before resource variables.</summary>
    public ImmutableDictionary<string, string> TestEnvironment { get; init; } =
        ImmutableDictionary<string, string>.Empty;

    /// <summary>The team's own test settings and coverage, merged into every unit's settings.</summary>
    public UnitSettings TestSettings { get; init; } = UnitSettings.None;

    /// <summary>Directory holding the orchestrator's VSTest logger (<c>Orchestrator.TestLogger.dll</c>); null streams no live results.</summary>
    public string? LoggerDirectory { get; init; }

    /// <summary>
    /// VSTest units run on long-lived <c>vstest.console</c>s in design mode, one per unit running at once, instead of a
    /// <c>dotnet test</c> (and its console) each; a unit a console cannot serve still gets its own (configuration
    /// <c>execution.sharedVsTestConsole</c>).
    /// </summary>
    public bool SharedVsTestConsole { get; init; }

    /// <summary>The <c>dotnet</c> executable.</summary>
    public string DotnetPath { get; init; } = "dotnet";

    /// <summary>How many test hosts a resource-free unit over several assemblies runs at once (VSTest runs them one after another by default).</summary>
    public int HostsPerUnit { get; init; } = Environment.ProcessorCount;

    /// <summary>Filters longer than this go to a <c>.runsettings</c> file instead of the command line.</summary>
    public int MaxCommandLineFilterLength { get; init; } = 2048;

    /// <summary>
    /// How long before a unit is expected to get a slot its resources start: long enough to hide a
    /// container's start-up (RabbitMQ takes several seconds), short enough not to keep containers idle.
    /// </summary>
    public TimeSpan ResourceLeadTime { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Deadline for stopping resources after the run, also after cancellation.</summary>
    public TimeSpan CleanupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Masks secrets in logs, details and progress.</summary>
    public SecretRedactor Redactor { get; init; } = new();
}
