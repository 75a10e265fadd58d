namespace Ledger.Accounts;

public enum CloseOutcome
{
    Closed,
    NotFound,
    AlreadyClosed,
    BalanceNotZero,
}
