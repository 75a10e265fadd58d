namespace Ledger.Reporting;

/// <summary>One entry of an account statement with the balance after it.</summary>
public sealed record StatementLine(string Reference, string Description, decimal Amount, decimal RunningBalance);
