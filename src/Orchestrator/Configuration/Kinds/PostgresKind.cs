namespace Orchestrator.Configuration.Kinds;

/// <summary>
/// PostgreSQL: a server of its own per unit by default (it starts in well under a second, and many suites create
/// databases with fixed names or end every other session), a database per unit on a shared one.
/// </summary>
internal static class PostgresKind
{
    public const string Name = "postgres";
    public const string Password = "POSTGRES_PASSWORD";
    public const string Trust = "POSTGRES_HOST_AUTH_METHOD";

    public static KindDescriptor Descriptor { get; } = new()
    {
        Kind = ResourceKind.Postgres,
        Name = Name,
        DisplayName = "Postgres",
        Ports = [5432],
        Isolation = IsolationSettings.Dedicated,
        NamespaceDescription = "a database per unit on a shared server",
        Environment = KindEnvironment.Of((Password, KindEnvironment.Secret)),
        EnvironmentChosenBy = [Password, Trust],
        PasswordVariable = Password,
        ConnectionTemplate = "Host={host};Port={port};Username=postgres;Password={secret};Database={namespace}",
        ConnectionVariable = "ConnectionStrings__Postgres",
        ClientPackages = ["Npgsql", "Marten", "Weasel.Postgresql", "Hangfire.PostgreSql", "Aspire.Npgsql"],
        ImageWords = ["postgres", "postgis"],
        UriSchemes = ["postgres", "postgresql"],
        VariableWords = ["POSTGRES", "NPGSQL"],
        VariablePrefixes = ["PG"],
        HasKeyValueConnectionString = true,
        TestcontainersBuilder = "PostgreSqlBuilder",
    };
}
