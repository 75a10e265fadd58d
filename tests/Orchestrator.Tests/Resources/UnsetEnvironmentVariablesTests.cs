using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.Resources;
using Xunit;

namespace Orchestrator.Tests.Resources;

[Trait("Category", "Unit")]
public sealed class UnsetEnvironmentVariablesTests
{
    private static readonly ResourceDefinition _postgres = new()
    {
        Name = "postgres",
        Environment = ImmutableDictionary<string, string>.Empty.Add("POSTGRES_PASSWORD", "{env:CI_PG_PASSWORD}"),
        Variables = ImmutableDictionary<string, string>.Empty.Add("DB", "Host={host};Password={env:CI_PG_PASSWORD};Search Path={env:CI_SCHEMA}"),
        Command = ["postgres", "-c", "max_connections={env:CI_MAX_CONNECTIONS}"],
        Isolation = new IsolationSettings(IsolationMode.Shared, ["psql", "-c", "create schema {env:CI_SCHEMA_OWNER}"]),
    };

    [Fact]
    public void Every_unset_variable_is_named_with_where_it_is_used()
    {
        var environment = new Dictionary<string, string?> { ["CI_SCHEMA"] = "ledger" };

        var unset = UnsetEnvironmentVariables.In([_postgres], environment.GetValueOrDefault);

        Assert.Equal(
            [
                "resources.postgres.environment.POSTGRES_PASSWORD uses {env:CI_PG_PASSWORD}, but CI_PG_PASSWORD is not set",
                "resources.postgres.variables.DB uses {env:CI_PG_PASSWORD}, but CI_PG_PASSWORD is not set",
                "resources.postgres.isolation.setup[2] uses {env:CI_SCHEMA_OWNER}, but CI_SCHEMA_OWNER is not set",
            ],
            unset);
    }

    [Fact]
    public void Nothing_is_reported_when_every_variable_is_set()
    {
        Assert.Empty(UnsetEnvironmentVariables.In([_postgres], _ => "set"));
    }
}
