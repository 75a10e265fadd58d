namespace Ledger.Reporting;

/// <summary>Counts over the whole ledger; <paramref name="Volume"/> is the sum of the debits.</summary>
public sealed record LedgerTotals(long Accounts, long Transfers, long Entries, decimal Volume, decimal Net);
