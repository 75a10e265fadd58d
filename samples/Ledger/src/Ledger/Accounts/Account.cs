namespace Ledger.Accounts;

/// <summary>
/// An account as stored. <see cref="Balance"/> is the sum of the account's entries (debits positive),
/// kept in the row by every posting. <see cref="OverdraftLimit"/> null means the account may go
/// negative without limit (the bank, the outside world).
/// </summary>
public sealed record Account(
    long Id,
    string Code,
    string Name,
    AccountKind Kind,
    string Currency,
    decimal Balance,
    decimal? OverdraftLimit,
    DateTimeOffset? ClosedAt)
{
    public bool IsClosed => ClosedAt is not null;
}
