using System.Text.Json.Serialization;
using Orchestrator.Model;

namespace Orchestrator.Results;

/// <summary>One <c>dotnet test</c> process of a run.</summary>
/// <param name="UnitId">Plan unit id; re-runs get <c>#retry1</c> etc. appended.</param>
/// <param name="PartitionId">Partition the unit belongs to.</param>
/// <param name="Layer">Layer of the unit's tests.</param>
/// <param name="Resources">Resources of the unit's partition.</param>
/// <param name="Attempt">0 for the first run, 1.. for re-runs of failed tests.</param>
/// <param name="Repetition">0-based repetition of the whole selection (cadence repeat count).</param>
/// <param name="ExpectedTests">Tests the process was asked to run; any without a result is reported as not run.</param>
/// <param name="TrxPath">TRX file the process wrote, or null when it wrote none: an output, never read back.</param>
/// <param name="StartedAt">Process start.</param>
/// <param name="FinishedAt">Process end.</param>
/// <param name="Exit">How the process ended.</param>
/// <param name="ExitDetail">The cause in words (exit code, hang dump, crash message), secrets redacted.</param>
public sealed record UnitRun(
    string UnitId,
    string PartitionId,
    string Layer,
    ResourceSet Resources,
    int Attempt,
    int Repetition,
    IReadOnlyList<TestKey> ExpectedTests,
    string? TrxPath,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    UnitExit Exit,
    string? ExitDetail)
{
    /// <summary>
    /// The container instances the unit used, each as <c>run id/instance</c> (merged runs, shards on other agents, had
    /// containers of their own): another unit on the same instance at the same time shared it.
    /// </summary>
    public IReadOnlyList<string> Instances { get; init; } = [];

    /// <summary>
    /// True for the results of tests that passed before with unchanged inputs and were not run: no process ran them, and
    /// every report says they came from the result cache.
    /// </summary>
    public bool Cached { get; init; }

    /// <summary>How the repetition ran its selected tests (<c>run --repeat N --mode</c>); null for a plain run or a cadence's <c>repeat</c>.</summary>
    public RepetitionMode? Mode { get; init; }

    /// <summary>
    /// The discovered cases of <see cref="ExpectedTests"/> with their platform ids: results are matched to them by id, and
    /// each one without a result is reported as not run on its own (a theory's rows, not its method once).
    /// Empty in records of runs whose discovery gave no ids; their tests are counted by key.
    /// </summary>
    public IReadOnlyList<TestCaseRow> ExpectedRows { get; init; } = [];

    /// <summary>
    /// Every result the process produced, read once when it ended (its TRX, else the results its logger streamed) with
    /// secrets redacted: what merging and every report work from. Kept out of <c>run.json</c>; see <see cref="ResultsPath"/>.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<TestCaseResult> Results { get; init; } = [];

    /// <summary>
    /// Coverage files the unit wrote, in coverlet's JSON format, whatever ran it (coverlet's VSTest collector, or coverlet's
    /// Microsoft.Testing.Platform extension asked for <c>--coverlet-output-format json</c>): merged per layer and for the
    /// run. Empty when coverage was off or the unit measured nothing. Absolute while the run lasts; relative to the
    /// results directory in <c>run.json</c>.
    /// </summary>
    public IReadOnlyList<string> CoverageFiles { get; init; } = [];

    /// <summary>Where <see cref="Results"/> are stored with the run record (relative to its directory), or null when not stored.</summary>
    public string? ResultsPath { get; init; }

    /// <summary>Why the stored results could not be read back (a merge of a results directory): its tests have no result; null when they were read.</summary>
    [JsonIgnore]
    internal string? ResultsError { get; init; }
}
