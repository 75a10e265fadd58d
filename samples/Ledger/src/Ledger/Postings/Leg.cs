namespace Ledger.Postings;

/// <summary>One line of a journal: a debit (positive amount) or a credit (negative amount) to an account.</summary>
public sealed record Leg(string AccountCode, decimal Amount);
