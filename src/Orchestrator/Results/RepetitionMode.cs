namespace Orchestrator.Results;

/// <summary>How a repetition of <c>run --repeat N --mode</c> ran its selected tests.</summary>
public enum RepetitionMode
{
    /// <summary>The selected tests only, one repetition at a time with nothing else running.</summary>
    Alone,

    /// <summary>The selected tests with the other tests of their unit in a normal run, repetitions in parallel up to the slots.</summary>
    Alongside,
}
