using Orchestrator.Model;

namespace Orchestrator.Results;

/// <summary>What <c>run --repeat N</c> was asked for and how far each mode got, as <c>run.json</c> keeps it.</summary>
/// <param name="Count">Repetitions asked for in each mode.</param>
/// <param name="Modes">The modes that ran, in order; each mode's repetitions are numbered on from the previous mode's.</param>
/// <param name="UntilFail">True when a mode stopped scheduling repetitions at its first failed one (<c>--until-fail</c>).</param>
/// <param name="Selected">The tests the repetitions diagnose (the selection; the other tests of a unit run alongside them).</param>
public sealed record RepeatRecord(int Count, IReadOnlyList<RepetitionMode> Modes, bool UntilFail, IReadOnlyList<TestKey> Selected)
{
    /// <summary>The modes that stopped before their last repetition, with how many repetitions they started.</summary>
    public IReadOnlyList<StoppedEarly> Stopped { get; init; } = [];

    /// <summary>Every selected test that ran, with its verdict and results per mode; filled in by the reports.</summary>
    public IReadOnlyList<RepeatedTest> Tests { get; init; } = [];

    /// <summary>The first repetition number of <paramref name="mode"/>: modes run one after another, numbered on.</summary>
    public int FirstRepetitionOf(RepetitionMode mode)
    {
        var index = Modes.ToList().IndexOf(mode);
        return Math.Max(0, index) * Count;
    }
}

/// <summary>A mode that stopped scheduling repetitions after its first failure (<c>--until-fail</c>).</summary>
/// <param name="Mode">The mode.</param>
/// <param name="Started">Repetitions it started (those already running when the failure came finished).</param>
public sealed record StoppedEarly(RepetitionMode Mode, int Started);
