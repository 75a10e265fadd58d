using Orchestrator.Configuration;
using Xunit;

namespace Orchestrator.Cli.Tests.Adoption;

[Trait("Category", "Integration")]
public sealed class OrdersSuiteInitTests : IDisposable
{
    private readonly OrdersSuite _suite = new();

    [Fact]
    public async Task Init_gives_a_tests_project_reaching_npgsql_through_a_reference_the_postgres_the_workflow_starts()
    {
        var init = await ToolProcess.RunAsync(["init", "--path", _suite.Root], TimeSpan.FromMinutes(1));

        Assert.True(init.ExitCode == 0, init.StandardOutput + init.StandardError);
        var config = ConfigurationLoader.Load(_suite.ConfigurationPath);
        var rule = Assert.Single(config.Rules);
        Assert.Equal((OrdersSuite.TestProject, "integration", "postgres"), (rule.Assembly, rule.Layer, string.Join(',', rule.Resources)));
        var postgres = Assert.Single(config.Resources).Value;
        Assert.Equal(ResourceKind.Postgres, postgres.Kind);
        Assert.Equal([5432], postgres.Ports.AsEnumerable());
        Assert.Equal("{secret}", postgres.Environment["POSTGRES_PASSWORD"]);
        Assert.Equal("Host={host};Port={port};Username=postgres;Password={secret};Database={namespace}", Assert.Single(postgres.Variables, variable => variable.Key == "ORDERS_DB").Value);
        Assert.Equal(IsolationMode.Dedicated, postgres.Isolation.Mode);
        var decided = init.StandardOutput[init.StandardOutput.IndexOf("Decided (1), written into the configuration:", StringComparison.Ordinal)..];
        Assert.Contains($"  - {OrdersSuite.TestProject}: the postgres resource is written with \"isolation\": \"dedicated\"", decided, StringComparison.Ordinal);
        Assert.Contains($"\n      pg_terminate_backend, which ends sessions of every database (tests/{OrdersSuite.TestProject}/ServerResetTests.cs line ", decided, StringComparison.Ordinal);
        var open = init.StandardOutput.IndexOf("Could not decide", StringComparison.Ordinal);
        Assert.True(open < 0 || !init.StandardOutput[open..].Contains("dedicated", StringComparison.Ordinal), init.StandardOutput);
        Assert.DoesNotContain("gets no resource", init.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("'unit' assumed", init.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_names_where_each_value_of_the_resource_came_from()
    {
        var init = await ToolProcess.RunAsync(["init", "--path", _suite.Root], TimeSpan.FromMinutes(1));

        Assert.True(init.ExitCode == 0, init.StandardOutput + init.StandardError);
        using var written = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(_suite.ConfigurationPath));
        var description = written.RootElement.GetProperty("resources").GetProperty("postgres").GetProperty("description").GetString()!;
        Assert.Contains("The team runs postgres:16 (service 'postgres' of .github/workflows/ci.yml line 7)", description, StringComparison.Ordinal);
        Assert.DoesNotContain("not pinned", description, StringComparison.Ordinal);
        Assert.Contains($"ORDERS_DB: read by {OrdersSuite.TestProject} (tests/{OrdersSuite.TestProject}/OrdersDatabase.cs line 13); its value in .github/workflows/ci.yml line 20 rewritten", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_appends_the_orchestrator_directories_to_the_gitignore_and_says_so()
    {
        var init = await ToolProcess.RunAsync(["init", "--path", _suite.Root], TimeSpan.FromMinutes(1));

        Assert.True(init.ExitCode == 0, init.StandardOutput + init.StandardError);
        Assert.Equal(["bin/", "obj/", ".orchestrator/", "artifacts/"], File.ReadAllLines(Path.Combine(_suite.Root, ".gitignore")));
        Assert.Contains("Appended to .gitignore: .orchestrator/ artifacts/", init.StandardOutput, StringComparison.Ordinal);
    }

    public void Dispose() => _suite.Dispose();
}
