namespace Ledger;

/// <summary>
/// Where the ledger finds its services: <c>LEDGER_POSTGRES</c> (an Npgsql connection string) and
/// <c>LEDGER_REDIS</c> (a StackExchange.Redis configuration string), or the local defaults a developer
/// gets from <c>docker run -p 5432:5432 -p 6379:6379</c> when they are unset.
/// </summary>
public sealed record LedgerSettings(string Postgres, string Redis)
{
    public const string PostgresVariable = "LEDGER_POSTGRES";

    public const string RedisVariable = "LEDGER_REDIS";

    public const string DefaultPostgres = "Host=localhost;Port=5432;Username=postgres;Password=postgres;Database=ledger";

    public const string DefaultRedis = "localhost:6379,abortConnect=false";

    public static LedgerSettings FromEnvironment() => new(
        Read(PostgresVariable) ?? DefaultPostgres,
        Read(RedisVariable) ?? DefaultRedis);

    private static string? Read(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value.Trim() : null;
}
