namespace Ledger.Accounts;

/// <summary>What it takes to open an account; <paramref name="OverdraftLimit"/> null: unlimited.</summary>
public sealed record NewAccount(string Code, string Name, AccountKind Kind, string Currency, decimal? OverdraftLimit = 0m);
