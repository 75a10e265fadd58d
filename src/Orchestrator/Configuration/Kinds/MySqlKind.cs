namespace Orchestrator.Configuration.Kinds;

/// <summary>
/// MySQL (or MariaDB, which speaks its protocol): a server of its own per unit by default (it starts in about a
/// second from an initialised data directory, and suites create databases with fixed names), a database per unit on a shared one.
/// </summary>
internal static class MySqlKind
{
    public const string Name = "mysql";
    public const string RootPassword = "MYSQL_ROOT_PASSWORD";

    public static KindDescriptor Descriptor { get; } = new()
    {
        Kind = ResourceKind.MySql,
        Name = Name,
        DisplayName = "MySQL",
        Ports = [3306],
        Isolation = IsolationSettings.Dedicated,
        NamespaceDescription = "a database per unit on a shared server",
        Environment = KindEnvironment.Of((RootPassword, KindEnvironment.Secret)),
        EnvironmentChosenBy = [RootPassword, "MARIADB_ROOT_PASSWORD", "MYSQL_ALLOW_EMPTY_PASSWORD", "MARIADB_ALLOW_EMPTY_ROOT_PASSWORD"],
        PasswordVariable = RootPassword,
        ConnectionTemplate = "Server={host};Port={port};User ID=root;Password={secret};Database={namespace}",
        ConnectionVariable = "ConnectionStrings__MySql",
        ClientPackages =
        [
            "MySqlConnector", "MySql.Data", "MySql.EntityFrameworkCore", "Pomelo.EntityFrameworkCore.MySql", "Aspire.MySqlConnector", "Aspire.Pomelo.EntityFrameworkCore.MySql",
        ],
        ImageWords = ["mysql", "mariadb", "percona"],
        UriSchemes = ["mysql", "mariadb"],
        VariableWords = ["MYSQL", "MARIADB"],
        HasKeyValueConnectionString = true,
        TestcontainersBuilder = "MySqlBuilder",
    };
}
