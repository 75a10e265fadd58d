namespace Orchestrator.History;

/// <summary>How the reports name a <see cref="HistoryVerdict"/>.</summary>
public static class HistoryVerdictText
{
    public static string Of(HistoryVerdict verdict) => verdict switch
    {
        HistoryVerdict.NewFailure => "new failure",
        HistoryVerdict.StillFailing => "still failing",
        HistoryVerdict.KnownFlaky => "known flaky",
        HistoryVerdict.NewlyFlaky => "newly flaky",
        _ => "no earlier run on this branch",
    };

    /// <summary>The run's headline over its notes, e.g. <c>1 new failure(s), 2 known flaky</c>.</summary>
    public static string Headline(IReadOnlyList<TestRunHistory> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        return $"{notes.Count(note => note.Verdict == HistoryVerdict.NewFailure)} new failure(s), {notes.Count(note => note.Verdict == HistoryVerdict.KnownFlaky)} known flaky";
    }
}
