namespace Orchestrator.Results;

/// <summary>A selected test that produced no result in a repetition: the unit that should have run it, and why it did not.</summary>
/// <param name="Unit">The last unit process of the repetition that was asked to run the test.</param>
/// <param name="Reason">E.g. <c>not run: test host crashed (exit code 134)</c>.</param>
public sealed record NotRunOccurrence(UnitRun Unit, string Reason);
