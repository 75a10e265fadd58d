namespace Orchestrator.Results;

/// <summary>One distinct failure message (its first line) among a test's repetitions.</summary>
/// <param name="FirstRepetition">0-based repetition (within its mode) it first came in.</param>
public sealed record RepetitionFailure(string Message, int Count, int FirstRepetition);
