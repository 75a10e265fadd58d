using Orchestrator.Planning;
using Orchestrator.Results;

namespace Orchestrator.Pipeline;

/// <summary>What the user asked <c>run</c> to do.</summary>
/// <param name="Timings">An explicit timings file to plan by; null plans by the workspace's own history, or by none when sharded.</param>
public sealed record RunRequest(string Cadence, Shard? Shard, string ResultsDirectory, string? Timings = null)
{
    /// <summary>Measure coverage in every unit even when the configuration's <c>coverage</c> is off (<c>run --coverage</c>).</summary>
    public bool Coverage { get; init; }

    /// <summary>Use the containers <c>up</c> keeps instead of starting new ones, with fresh namespaces (<c>run --reuse</c>).</summary>
    public bool Reuse { get; init; }

    /// <summary>The modes a <c>--repeat</c> runs in, one after another (<c>run --mode</c>); empty repeats the selection as a cadence's <c>repeat</c> does.</summary>
    public IReadOnlyList<RepetitionMode> Modes { get; init; } = [];

    /// <summary>Stop scheduling a mode's repetitions at its first failed one (<c>run --until-fail</c>).</summary>
    public bool UntilFail { get; init; }
}
