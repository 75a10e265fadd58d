namespace Ledger.Postings;

/// <summary>The outcome of posting a journal, the transfer id when it was posted, and why when it was not.</summary>
public sealed record PostingResult(PostingOutcome Outcome, long? TransferId = null, string? Detail = null)
{
    public bool Posted => Outcome == PostingOutcome.Posted;
}
