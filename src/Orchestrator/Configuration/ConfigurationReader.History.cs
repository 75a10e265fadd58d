using System.Text.Json;

namespace Orchestrator.Configuration;

/// <summary>The root <c>history</c> section: where every run's outcomes are kept and for how long.</summary>
internal sealed partial class ConfigurationReader
{
    private const string HistoryPath = "$.history";

    private HistorySettings ReadHistory(JsonElement root)
    {
        var defaults = HistorySettings.Default;
        if (!JsonObjectReader.TryGet(root, "history", out var element) || !json.Object(element, HistoryPath, ConfigurationKeys.History))
        {
            return defaults;
        }
        var retention = defaults;
        if (JsonObjectReader.TryGet(element, "retention", out var retentionElement))
        {
            var retentionPath = JsonPath.Property(HistoryPath, "retention");
            if (json.Object(retentionElement, retentionPath, ConfigurationKeys.HistoryRetention))
            {
                retention = defaults with
                {
                    RetentionDays = json.Int(retentionElement, retentionPath, "days", 1, "days a run is kept") ?? defaults.RetentionDays,
                    RetentionRuns = json.Int(retentionElement, retentionPath, "runs", 1, "newest runs kept") ?? defaults.RetentionRuns,
                };
            }
        }
        return retention with
        {
            Enabled = json.Bool(element, HistoryPath, "enabled") ?? defaults.Enabled,
            Path = json.String(element, HistoryPath, "path"),
            PostgresVariable = ReadHistoryPostgres(element),
            QuarantineCandidatePercent = JsonObjectReader.TryGet(element, "quarantineCandidatePercent", out var percent)
                ? json.IntValue(percent, JsonPath.Property(HistoryPath, "quarantineCandidatePercent"), 1, "a flaky rate in percent", 100) ?? defaults.QuarantineCandidatePercent
                : defaults.QuarantineCandidatePercent,
        };
    }

    private string? ReadHistoryPostgres(JsonElement history)
    {
        var path = JsonPath.Property(HistoryPath, "postgres");
        if (!JsonObjectReader.TryGet(history, "postgres", out var element) || !json.Object(element, path, ConfigurationKeys.HistoryPostgres))
        {
            return null;
        }
        if (JsonObjectReader.TryGet(element, "connectionString", out _))
        {
            json.Error(JsonPath.Property(path, "connectionString"), "A connection string in the file puts the history's password into the repository.",
                "Put it in an environment variable (a CI secret) and name that variable instead: \"postgres\": { \"connectionStringVariable\": \"ORCHESTRATOR_HISTORY\" }.");
            return null;
        }
        var variable = json.String(element, path, "connectionStringVariable", required: true);
        if (variable is not null && (variable.Length == 0 || variable.Any(character => !char.IsAsciiLetterOrDigit(character) && character != '_')))
        {
            json.Error(JsonPath.Property(path, "connectionStringVariable"), $"'{variable}' is not an environment variable name.",
                "Name the variable that holds the connection string, e.g. \"ORCHESTRATOR_HISTORY\" (letters, digits and '_').");
        }
        return variable;
    }
}
