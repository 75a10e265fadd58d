namespace Ledger.Postings;

public enum PostingOutcome
{
    Posted,
    Duplicate,
    Invalid,
    UnknownAccount,
    AccountClosed,
    CurrencyMismatch,
    InsufficientFunds,
}
