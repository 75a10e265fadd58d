namespace Orchestrator.Results;

/// <summary>What a selected test's repetitions in each mode say about it.</summary>
public enum RepetitionVerdict
{
    /// <summary>Passed in every repetition of every mode.</summary>
    Stable,

    /// <summary>Failed in some repetitions with nothing else running, or in some of a single mode's: flaky by itself.</summary>
    Flaky,

    /// <summary>Passed in every repetition alone and failed in some alongside the other tests of its unit: it shares their state.</summary>
    IsolationProblem,

    /// <summary>Never passed.</summary>
    Failing,
}
