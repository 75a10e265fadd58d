using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Orchestrator.Configuration;

/// <summary>The root <c>testSettings</c> and <c>coverage</c> sections: what every unit's test run gets besides the orchestrator's own settings.</summary>
internal sealed partial class ConfigurationReader
{
    private const string TestSettingsPath = "$.testSettings";
    private const string CoveragePath = "$.coverage";

    /// <summary>Loggers and collectors the orchestrator passes itself, with what to write instead.</summary>
    private static readonly ImmutableDictionary<string, string> _ownedExtensions = new Dictionary<string, string>
    {
        ["trx"] = "The orchestrator writes a TRX file for every unit and merges them per layer; remove it.",
        ["orchestrator"] = "The orchestrator passes its own logger to every unit; remove it.",
        ["XPlat Code Coverage"] = "Turn coverage on with \"coverage\": { \"enabled\": true } (or run --coverage) instead; the orchestrator then merges the units' coverage.",
    }.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);

    private TestSettings ReadTestSettings(JsonElement root)
    {
        if (!JsonObjectReader.TryGet(root, "testSettings", out var element) || !json.Object(element, TestSettingsPath, ConfigurationKeys.TestSettings))
        {
            return TestSettings.Default;
        }
        var runSettings = json.String(element, TestSettingsPath, "runSettings");
        if (runSettings is not null && !runSettings.EndsWith(".runsettings", StringComparison.OrdinalIgnoreCase) && !runSettings.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            json.Error(JsonPath.Property(TestSettingsPath, "runSettings"), $"'{runSettings}' is not a .runsettings file.", "Name a .runsettings file, relative to this file.");
        }
        return new TestSettings(
            runSettings,
            ReadExtensions(element, "loggers", "logger"),
            ReadExtensions(element, "collectors", "data collector"));
    }

    private ImmutableArray<string> ReadExtensions(JsonElement section, string key, string what)
    {
        var values = json.Strings(section, TestSettingsPath, key) ?? [];
        for (var i = 0; i < values.Length; i++)
        {
            var path = JsonPath.Index(JsonPath.Property(TestSettingsPath, key), i);
            var name = values[i].Split(';', 2)[0].Trim();
            if (name.Length == 0)
            {
                json.Error(path, $"An empty {what}.", $"Write the {what}'s friendly name, e.g. {(key == "loggers" ? "\"GitHubActions\" or \"console;verbosity=normal\"" : "\"blame\"")}.");
            }
            else if (_ownedExtensions.TryGetValue(name, out var fix))
            {
                json.Error(path, $"The {what} '{name}' is the orchestrator's own.", fix);
            }
        }
        return values;
    }

    private CacheSettings ReadCache(JsonElement root)
    {
        const string path = "$.cache";
        if (!JsonObjectReader.TryGet(root, "cache", out var element) || !json.Object(element, path, ConfigurationKeys.Cache))
        {
            return CacheSettings.Default;
        }
        var megabytes = json.Long(element, path, "maxSizeMb", 1, "size in megabytes");
        return new CacheSettings(
            json.Strings(element, path, "inputs") ?? [],
            json.String(element, path, "directory", nullable: true),
            megabytes is { } size ? size * 1024 * 1024 : CacheSettings.DefaultMaxBytes);
    }

    private CoverageSettings ReadCoverage(JsonElement root)
    {
        if (!JsonObjectReader.TryGet(root, "coverage", out var element) || !json.Object(element, CoveragePath, ConfigurationKeys.Coverage))
        {
            return CoverageSettings.Default;
        }
        return new CoverageSettings(
            json.Bool(element, CoveragePath, "enabled") ?? true,
            ReadCoverageFilters(element, "include"),
            ReadCoverageFilters(element, "exclude"),
            json.Strings(element, CoveragePath, "excludeByAttribute") ?? []);
    }

    private ImmutableArray<string> ReadCoverageFilters(JsonElement section, string key)
    {
        var filters = json.Strings(section, CoveragePath, key) ?? [];
        for (var i = 0; i < filters.Length; i++)
        {
            if (!CoverletFilterPattern().IsMatch(filters[i]))
            {
                json.Error(JsonPath.Index(JsonPath.Property(CoveragePath, key), i), $"'{filters[i]}' is not a coverlet filter.",
                    "Write [assembly]type with * and ? wildcards, e.g. \"[Shop]*\" or \"[*]Shop.Storage.*\".");
            }
        }
        return filters;
    }

    [GeneratedRegex(@"^\[[^\[\],]+\][^\[\],]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CoverletFilterPattern();
}
