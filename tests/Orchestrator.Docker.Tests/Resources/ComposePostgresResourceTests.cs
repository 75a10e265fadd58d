using Npgsql;
using Orchestrator.Configuration;
using Orchestrator.Docker.Tests.Support;
using Xunit;

namespace Orchestrator.Docker.Tests.Resources;

[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
public sealed class ComposePostgresResourceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("orchestrator-compose-postgres-").FullName;

    [Fact]
    public async Task A_postgres_resource_described_by_a_compose_service_becomes_ready_and_serves_its_partition_database()
    {
        File.WriteAllText(Path.Combine(_root, "docker-compose.yml"), """
            services:
              db:
                image: orchestrator/postgres:local
                ports:
                  - "15432:5432"
                environment:
                  - POSTGRES_PASSWORD={secret}
                healthcheck:
                  test: ["CMD-SHELL", "pg_isready -h 127.0.0.1 -U postgres"]
                  interval: 1s
            """);
        var configuration = ConfigurationLoader.Parse("""
            { "resources": { "postgres": {
                "kind": "postgres",
                "compose": { "file": "docker-compose.yml", "service": "db" },
                "variables": { "ConnectionStrings__Postgres": "Host={host};Port={port};Username={user};Password={secret};Database={namespace};Pooling=false;Timeout=5" } } } }
            """, Path.Combine(_root, ConfigurationLoader.FileName));
        var definition = configuration.Resources["postgres"];
        Assert.Equal(ProbeKind.Exec, definition.Readiness.Kind);
        Assert.Equal([5432], definition.Ports.AsEnumerable());

        using var client = TestResources.Client();
        using var deadline = TestResources.Deadline();
        var ct = deadline.Token;
        var provider = TestResources.Provider(out var runId);
        try
        {
            var instance = await provider.StartAsync(definition, "postgres", ct);
            var partition = await provider.CreateNamespaceAsync(instance, "integration/postgres", ct);

            await using var connection = new NpgsqlConnection(partition.Variables["ConnectionStrings__Postgres"]);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("select current_database()", connection);
            Assert.Equal(partition.Namespace, await command.ExecuteScalarAsync(ct));
        }
        finally
        {
            await provider.DisposeAsync();
            await TestResources.RemoveRunAsync(client, runId);
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
