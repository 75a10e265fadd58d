namespace Ledger.Accounts;

/// <summary>An account with this code exists already; codes are unique for the life of the ledger.</summary>
public sealed class DuplicateAccountException : Exception
{
    public DuplicateAccountException()
    {
    }

    public DuplicateAccountException(string message)
        : base(message)
    {
    }

    public DuplicateAccountException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? Code { get; init; }
}
