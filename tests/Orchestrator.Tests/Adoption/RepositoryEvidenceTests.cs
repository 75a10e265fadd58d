using Orchestrator.Adoption;
using Xunit;

namespace Orchestrator.Tests.Adoption;

[Trait("Category", "Unit")]
public sealed class RepositoryEvidenceTests
{
    private const string Workflow = """
        name: ci
        on: [push]
        env:
          DOTNET_NOLOGO: "1"
        jobs:
          test:
            runs-on: ubuntu-latest
            services:
              postgres:
                image: postgres:16
                env:
                  POSTGRES_PASSWORD: postgres
                ports:
                  - 5432:5432
              cache:
                image: redis
                ports: ["127.0.0.1:6380:6379/tcp"]
            steps:
              - uses: actions/checkout@v4
              - run: dotnet test
                env:
                  ORDERS_DB: Host=localhost;Port=5432;Username=postgres;Password=postgres;Database=orders
        """;

    [Fact]
    public void A_workflow_gives_its_services_and_the_variables_of_its_steps_with_their_lines()
    {
        using var repository = new FakeRepository();
        repository.WriteFile(".github/workflows/ci.yml", Workflow);

        var evidence = RepositoryEvidence.Scan(repository.Root);

        Assert.Equal(
            [("postgres", "postgres:16", "5432", "5432", "postgres"), ("cache", "redis", "6379", "6380", "redis")],
            evidence.Services.Select(service => (service.Name, service.Image!, string.Join(',', service.Ports), string.Join(',', service.HostPorts), service.Resource!)));
        var password = Assert.Single(evidence.Services[0].Environment);
        Assert.Equal(("POSTGRES_PASSWORD", "postgres", ".github/workflows/ci.yml line 12"), (password.Name, password.Value, password.Origin));
        Assert.Equal("service 'postgres' of .github/workflows/ci.yml line 9", evidence.Services[0].Origin);
        var orders = Assert.Single(evidence.Variables, variable => variable.Name == "ORDERS_DB");
        Assert.Equal(".github/workflows/ci.yml line 22", orders.Origin);
        Assert.Contains(evidence.Variables, variable => variable.Name == "DOTNET_NOLOGO");
    }

    [Fact]
    public void Compose_services_and_appsettings_connection_strings_are_read()
    {
        using var repository = new FakeRepository();
        repository.WriteFile("deploy/docker-compose.test.yml", """
            services:
              queue:
                image: rabbitmq:3-management
                environment:
                  - RABBITMQ_DEFAULT_USER=shop
                  - RABBITMQ_DEFAULT_PASS=shop
                ports:
                  - target: 5672
                    published: 5673
            """);
        repository.WriteFile("src/Shop.Api/appsettings.Development.json", """
            {
              // comments are allowed in appsettings
              "ConnectionStrings": {
                "Redis": "localhost:6379,abortConnect=false"
              }
            }
            """);

        var evidence = RepositoryEvidence.Scan(repository.Root);

        var queue = Assert.Single(evidence.Services);
        Assert.Equal(("rabbitmq", "5672", "5673"), (queue.Resource!, string.Join(',', queue.Ports), string.Join(',', queue.HostPorts)));
        Assert.Equal(["RABBITMQ_DEFAULT_USER=shop", "RABBITMQ_DEFAULT_PASS=shop"], queue.Environment.Select(found => $"{found.Name}={found.Value}"));
        var redis = Assert.Single(evidence.Settings);
        Assert.Equal(("ConnectionStrings:Redis", "src/Shop.Api/appsettings.Development.json line 4"), (redis.Name, redis.Origin));
        Assert.Same(redis, evidence.ValueFor(new VariableRead("ConnectionStrings:Redis", "x.cs", 1, IsConfigurationKey: true)));
    }

    [Fact]
    public void An_unreadable_workflow_is_passed_over_with_a_note()
    {
        using var repository = new FakeRepository();
        repository.WriteFile(".github/workflows/broken.yml", "jobs: [unclosed");

        var evidence = RepositoryEvidence.Scan(repository.Root);

        Assert.Empty(evidence.Services);
        Assert.StartsWith(".github/workflows/broken.yml could not be read as YAML", Assert.Single(evidence.Notes), StringComparison.Ordinal);
    }
}
