using Ledger.Accounts;

namespace Ledger.Reporting;

/// <summary>One account of the trial balance: its debits, its credits (as a positive amount) and the difference.</summary>
public sealed record TrialBalanceLine(string Code, string Name, AccountKind Kind, decimal Debits, decimal Credits)
{
    public decimal Balance => Debits - Credits;
}
