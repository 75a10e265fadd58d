using Orchestrator.Audit;
using Xunit;

namespace Orchestrator.Tests.Audit;

[Trait("Category", "Unit")]
public sealed class ClearTextSecretScannerTests
{
    [Fact]
    public void Literal_passwords_in_json_keys_connection_strings_and_urls_are_found_by_line_without_their_values()
    {
        const string text = """
            {
              "Smtp": { "Password": "hunter2-smtp" },
              "ConnectionStrings": { "Db": "Host=db;Username=app;Password=hunter2-db;Database=app" },
              "Queue": "amqp://app:hunter2-queue@broker:5672/",
              "ApiKey": "k-123456"
            }
            """;

        var found = ClearTextSecretScanner.Find("appsettings.json", text).ToList();

        Assert.Equal(
            [
                new ClearTextSecret("appsettings.json", AuditSample.LineOf(text, "hunter2-smtp"), "Password"),
                new ClearTextSecret("appsettings.json", AuditSample.LineOf(text, "hunter2-db"), "Password"),
                new ClearTextSecret("appsettings.json", AuditSample.LineOf(text, "hunter2-queue"), "password of a URL"),
                new ClearTextSecret("appsettings.json", AuditSample.LineOf(text, "k-123456"), "ApiKey"),
            ],
            found);
        Assert.DoesNotContain(found, secret => secret.ToString().Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void Templates_and_empty_values_are_not_secrets()
    {
        const string text = """
            {
              "POSTGRES_PASSWORD": "{secret}",
              "Db": "Host={host};Password={secret};Database={namespace}",
              "Queue": "amqp://orchestrator:{secret}@{host}:{port}/",
              "Password": "",
              "Token": "${CI_TOKEN}",
              "Other": "Password=$(DB_PASSWORD)",
              "POSTGRES_HOST_AUTH_METHOD": "trust"
            }
            """;

        Assert.Empty(ClearTextSecretScanner.Find("orchestrator.json", text));
    }

    [Fact]
    public void A_runsettings_element_or_parameter_named_like_a_password_is_found()
    {
        const string text = """
            <RunSettings>
              <RunConfiguration><EnvironmentVariables>
                <DB_PASSWORD>hunter2</DB_PASSWORD>
                <DB_HOST>localhost</DB_HOST>
              </EnvironmentVariables></RunConfiguration>
              <TestRunParameters>
                <Parameter name="adminPassword" value="hunter3" />
                <Parameter name="adminUser" value="admin" />
              </TestRunParameters>
            </RunSettings>
            """;

        var found = ClearTextSecretScanner.Find("test.runsettings", text).ToList();

        Assert.Equal(
            [
                new ClearTextSecret("test.runsettings", AuditSample.LineOf(text, "hunter2"), "DB_PASSWORD"),
                new ClearTextSecret("test.runsettings", AuditSample.LineOf(text, "hunter3"), "adminPassword"),
            ],
            found);
    }
}
