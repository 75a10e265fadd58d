using Orchestrator.Configuration;
using Xunit;

namespace Orchestrator.Tests.Configuration;

[Trait("Category", "Unit")]
public sealed class ComposeResourceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("orchestrator-compose-").FullName;

    private ResourceDefinition Resource(string compose, string extraKeys = "", string service = "db")
    {
        File.WriteAllText(Path.Combine(_root, "docker-compose.yml"), compose);
        var json = $$"""
            { "resources": { "db": { {{extraKeys}} "compose": { "file": "docker-compose.yml", "service": "{{service}}" } } } }
            """;
        return ConfigurationLoader.Parse(json, Path.Combine(_root, ConfigurationLoader.FileName)).Resources["db"];
    }

    private ConfigurationError Error(string compose, string extraKeys = "", string service = "db") =>
        Assert.Throws<ConfigurationException>(() => Resource(compose, extraKeys, service)).Errors.Single();

    [Fact]
    public void Image_ports_environment_command_and_healthcheck_come_from_the_service()
    {
        var resource = Resource("""
            services:
              db:
                image: postgres:17
                ports:
                  - "5432"
                  - "15433:5433"
                  - "127.0.0.1:15434:5434"
                  - 5435/tcp
                  - 5436
                  - target: 5437
                    published: 25437
                environment:
                  POSTGRES_PASSWORD: "{secret}"
                  PGDATA: /tmp/data
                command: postgres -c 'max_connections=200' -c "shared_buffers=64MB"
                healthcheck:
                  test: ["CMD", "pg_isready", "-U", "postgres"]
                  interval: 1s
            """);

        Assert.Equal("postgres:17", resource.Image);
        Assert.Equal([5432, 5433, 5434, 5435, 5436, 5437], resource.Ports.AsEnumerable());
        Assert.Equal("{secret}", resource.Environment["POSTGRES_PASSWORD"]);
        Assert.Equal("/tmp/data", resource.Environment["PGDATA"]);
        Assert.Equal(["postgres", "-c", "max_connections=200", "-c", "shared_buffers=64MB"], resource.Command.AsEnumerable());
        Assert.Equal(ProbeKind.Exec, resource.Readiness.Kind);
        Assert.Equal(["pg_isready", "-U", "postgres"], resource.Readiness.Command.AsEnumerable());
    }

    [Fact]
    public void List_environment_list_command_and_shell_healthcheck_are_read()
    {
        var resource = Resource("""
            services:
              db:
                image: redis:7
                environment:
                  - A=1
                  - B=x=y
                command: ["redis-server", "--appendonly", "no"]
                healthcheck:
                  test: ["CMD-SHELL", "redis-cli ping | grep PONG"]
            """);

        Assert.Equal("1", resource.Environment["A"]);
        Assert.Equal("x=y", resource.Environment["B"]);
        Assert.Equal(["redis-server", "--appendonly", "no"], resource.Command.AsEnumerable());
        Assert.Equal(["sh", "-c", "redis-cli ping | grep PONG"], resource.Readiness.Command.AsEnumerable());
    }

    [Fact]
    public void Build_contexts_are_made_relative_to_the_configuration_file()
    {
        Directory.CreateDirectory(Path.Combine(_root, "compose"));
        File.WriteAllText(Path.Combine(_root, "compose", "docker-compose.yml"), """
            services:
              short: { image: a:1, build: ./images/a }
              long:
                image: b:1
                build:
                  context: ../images/b
                  dockerfile: Dockerfile.test
                  args: { VERSION: "17" }
            """);
        var config = ConfigurationLoader.Parse("""
            { "resources": {
                "a": { "compose": { "file": "compose/docker-compose.yml", "service": "short" } },
                "b": { "compose": { "file": "compose/docker-compose.yml", "service": "long" } } } }
            """, Path.Combine(_root, ConfigurationLoader.FileName));

        Assert.Equal(Path.Combine("compose", "images", "a"), config.Resources["a"].Build!.Context);
        Assert.Equal("images", Path.GetDirectoryName(config.Resources["b"].Build!.Context));
        Assert.Equal("Dockerfile.test", config.Resources["b"].Build!.Dockerfile);
        Assert.Equal("17", config.Resources["b"].Build!.Arguments["VERSION"]);
    }

    [Fact]
    public void Keys_set_in_the_configuration_win_over_the_service()
    {
        var resource = Resource(
            """
            services:
              db:
                image: postgres:17
                ports: ["5432"]
                environment: { POSTGRES_PASSWORD: example, PGDATA: /tmp/data }
                command: postgres
                healthcheck: { test: ["CMD", "true"] }
            """,
            """
            "kind": "postgres", "image": "orchestrator/postgres:local", "ports": [6543],
            "environment": { "POSTGRES_PASSWORD": "{secret}" }, "command": ["postgres", "-p", "6543"],
            "readiness": { "kind": "tcp" },
            """);

        Assert.Equal(ResourceKind.Postgres, resource.Kind);
        Assert.Equal("orchestrator/postgres:local", resource.Image);
        Assert.Equal([6543], resource.Ports.AsEnumerable());
        Assert.Equal("{secret}", resource.Environment["POSTGRES_PASSWORD"]);
        Assert.Equal("/tmp/data", resource.Environment["PGDATA"]);
        Assert.Equal(["postgres", "-p", "6543"], resource.Command.AsEnumerable());
        Assert.Equal(ProbeKind.Tcp, resource.Readiness.Kind);
    }

    [Fact]
    public void A_missing_file_is_named_with_where_it_was_looked_for()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(
            """{ "resources": { "db": { "compose": { "file": "nope.yml", "service": "db" } } } }""",
            Path.Combine(_root, ConfigurationLoader.FileName))).Errors.Single();

        Assert.Equal("$.resources.db.compose.file", error.Path);
        Assert.Contains("nope.yml", error.Message, StringComparison.Ordinal);
        Assert.Contains(_root, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_yaml_is_reported_with_its_line()
    {
        var error = Error("services:\n  db:\n    image: \"postgres\n    ports: [\n");

        Assert.Equal("$.resources.db.compose", error.Path);
        Assert.Matches(@"docker-compose\.yml line \d+ is not valid YAML", error.Message);
    }

    [Fact]
    public void An_unknown_service_lists_the_services()
    {
        var error = Error("services:\n  web: { image: nginx }\n  cache: { image: redis }\n", service: "db");

        Assert.Contains("no service 'db'", error.Message, StringComparison.Ordinal);
        Assert.Equal("Use one of: web, cache.", error.Fix);
    }

    [Theory]
    [InlineData("    ports: [\"5432-5434\"]\n", "port range", "line 4")]
    [InlineData("    ports: [\"53/udp\"]\n", "protocol 'udp'", "line 4")]
    [InlineData("    env_file: .env\n", "'env_file'", "line 4")]
    [InlineData("    volumes: [\"./data:/data\"]\n", "'volumes'", "line 4")]
    [InlineData("    environment: [HOME]\n", "'HOME' has no value", "line 4")]
    [InlineData("    environment: { HOME: }\n", "'HOME' has no value", "line 4")]
    [InlineData("    command: \"echo 'open\"\n", "Unterminated", "line 4")]
    [InlineData("    healthcheck: { test: [\"RUN\", \"x\"] }\n", "CMD", "line 4")]
    public void Features_that_cannot_be_honoured_name_the_line_and_a_fix(string line, string expected, string where)
    {
        var error = Error("services:\n  db:\n    image: postgres:17\n" + line);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(where, error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.Fix));
    }

    [Fact]
    public void A_disabled_healthcheck_keeps_the_built_in_probe()
    {
        var resource = Resource("services:\n  db:\n    image: postgres:17\n    healthcheck: { disable: true }\n", "\"kind\": \"postgres\",");

        Assert.Equal(ProbeKind.BuiltIn, resource.Readiness.Kind);
    }

    [Fact]
    public void An_external_resource_cannot_take_a_compose_service()
    {
        var error = Error("services:\n  db: { image: postgres:17 }\n", "\"kind\": \"external\",");

        Assert.Equal("$.resources.db.compose", error.Path);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
