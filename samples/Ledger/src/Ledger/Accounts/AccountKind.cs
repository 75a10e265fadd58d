namespace Ledger.Accounts;

/// <summary>The five kinds of account of double-entry bookkeeping.</summary>
public enum AccountKind
{
    Asset,
    Liability,
    Equity,
    Income,
    Expense,
}
