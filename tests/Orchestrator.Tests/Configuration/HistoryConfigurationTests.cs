using Orchestrator.Configuration;
using Xunit;

namespace Orchestrator.Tests.Configuration;

[Trait("Category", "Unit")]
public sealed class HistoryConfigurationTests
{
    [Fact]
    public void History_section_is_read_as_written()
    {
        const string json = """
            { "history": { "path": "state/history.db", "postgres": { "connectionStringVariable": "ORCHESTRATOR_HISTORY" }, "retention": { "days": 30, "runs": 200 }, "quarantineCandidatePercent": 25 } }
            """;

        var history = ConfigurationLoader.Parse(json, "/repo/orchestrator.json").History;

        Assert.Equal(new HistorySettings(true, "state/history.db", "ORCHESTRATOR_HISTORY", 30, 200, 25), history);
    }

    [Fact]
    public void Without_a_history_section_runs_are_kept_in_the_workspace_file_for_ninety_days_and_five_hundred_runs()
    {
        var history = ConfigurationLoader.Parse("{}", "/repo/orchestrator.json").History;

        Assert.Equal(new HistorySettings(true, null, null, 90, 500, 10), history);
    }

    [Fact]
    public void A_connection_string_in_the_file_is_refused_with_the_variable_to_name_instead()
    {
        const string json = """
            { "history": { "postgres": { "connectionString": "Host=db;Username=ci;Password=hunter2" } } }
            """;

        var error = Assert.Single(Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(json, "orchestrator.json")).Errors);

        Assert.Equal("$.history.postgres.connectionString", error.Path);
        Assert.Contains("connectionStringVariable", error.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "history": { "postgres": { "connectionStringVariable": "not a name" } } }""", "$.history.postgres.connectionStringVariable")]
    [InlineData("""{ "history": { "retention": { "days": 0 } } }""", "$.history.retention.days")]
    [InlineData("""{ "history": { "quarantineCandidatePercent": 150 } }""", "$.history.quarantineCandidatePercent")]
    [InlineData("""{ "history": { "postgres": { } } }""", "$.history.postgres")]
    public void Mistakes_in_the_history_section_name_their_key(string json, string path)
    {
        var errors = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(json, "orchestrator.json")).Errors;

        Assert.Contains(errors, error => error.Path == path);
    }
}
