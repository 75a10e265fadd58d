using Orchestrator.Text;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Orchestrator.Resources;

namespace Orchestrator.Configuration;

/// <summary>Maps the parsed file onto <see cref="OrchestratorConfiguration"/>, validating as it goes.</summary>
internal sealed partial class ConfigurationReader(JsonObjectReader json)
{
    private const string Root = JsonPath.Root;

    private string _sourcePath = "";

    public OrchestratorConfiguration Read(JsonElement root, string sourcePath)
    {
        _sourcePath = sourcePath;
        var config = new OrchestratorConfiguration { SourcePath = sourcePath };
        if (!json.Object(root, Root, ConfigurationKeys.Root))
        {
            return config;
        }
        json.String(root, Root, "$schema");
        json.String(root, Root, "description");

        var layers = ReadLayers(root) ?? config.Layers;
        var defaultLayer = ReadDefaultLayer(root, layers) ?? config.DefaultLayer;
        var resources = ReadResources(root);
        var cadences = ReadCadences(root, layers, resources.Keys)
            ?? DefaultCadences.For(layers, defaultLayer, resources.Keys);
        var solution = json.String(root, Root, "solution", nullable: true);

        return config with
        {
            Traits = ReadTraits(root),
            Layers = layers,
            DefaultLayer = defaultLayer,
            Cadences = cadences,
            Resources = resources,
            Rules = ReadRules(root, layers, resources.Keys),
            Parallelism = ReadParallelism(root),
            Timeouts = ReadTimeouts(root),
            Execution = ReadExecution(root),
            FlakyFailsBuild = json.Bool(root, Root, "flakyFailsBuild") ?? config.FlakyFailsBuild,
            IgnoreProjects = json.Strings(root, Root, "ignoreProjects") ?? config.IgnoreProjects,
            TestEnvironment = json.StringMap(root, Root, "testEnvironment") ?? config.TestEnvironment,
            Solution = solution,
            Build = ReadSolutionBuild(root, solution),
            TestSettings = ReadTestSettings(root),
            Coverage = ReadCoverage(root),
            Cache = ReadCache(root),
            History = ReadHistory(root),
        };
    }

    private TraitNames ReadTraits(JsonElement root)
    {
        const string path = "$.traits";
        if (!JsonObjectReader.TryGet(root, "traits", out var traits) || !json.Object(traits, path, ConfigurationKeys.Traits))
        {
            return TraitNames.Default;
        }
        return new TraitNames(
            json.String(traits, path, "layer") ?? TraitNames.Default.Layer,
            json.String(traits, path, "resource") ?? TraitNames.Default.Resource);
    }

    private ImmutableArray<string>? ReadLayers(JsonElement root)
    {
        var layers = json.Strings(root, Root, "layers");
        if (layers is not { } names)
        {
            return null;
        }
        if (names.IsEmpty)
        {
            json.Error("$.layers", "At least one layer is needed.", "Write [\"unit\", \"integration\", \"e2e\"] or remove the key for that default.");
            return null;
        }
        for (var i = 0; i < names.Length; i++)
        {
            CheckName(names[i], JsonPath.Index("$.layers", i), "layer");
            if (names.IndexOf(names[i]) != i)
            {
                json.Error(JsonPath.Index("$.layers", i), $"Layer '{names[i]}' is listed twice.", "Remove the duplicate.");
            }
        }
        return names;
    }

    private string? ReadDefaultLayer(JsonElement root, ImmutableArray<string> layers)
    {
        var defaultLayer = json.String(root, Root, "defaultLayer");
        if (defaultLayer is not null && !layers.Contains(defaultLayer))
        {
            json.Error("$.defaultLayer", $"Default layer '{defaultLayer}' is not one of the layers.", FixUnknownName(defaultLayer, layers, "layers"));
        }
        return defaultLayer;
    }

    private ImmutableDictionary<string, ResourceDefinition> ReadResources(JsonElement root)
    {
        var resources = ImmutableDictionary.CreateBuilder<string, ResourceDefinition>(StringComparer.Ordinal);
        if (!JsonObjectReader.TryGet(root, "resources", out var section) || !json.Map(section, "$.resources"))
        {
            return resources.ToImmutable();
        }
        foreach (var property in section.EnumerateObject())
        {
            var path = JsonPath.Property("$.resources", property.Name);
            CheckName(property.Name, path, "resource");
            if (ReadResource(property.Name, property.Value, path) is { } resource)
            {
                resources[property.Name] = resource;
            }
        }
        return resources.ToImmutable();
    }

    private ResourceDefinition? ReadResource(string name, JsonElement element, string path)
    {
        if (!json.Object(element, path, ConfigurationKeys.Resource))
        {
            return null;
        }
        var resource = new ResourceDefinition { Name = name };
        var kind = json.Enum(element, path, "kind", ConfigurationKeys.ResourceKinds) ?? resource.Kind;
        var compose = ReadCompose(element, path);
        var ports = json.Ints(element, path, "ports", 1, 65535, "a container port") ?? (compose?.Ports is { IsEmpty: false } composePorts ? composePorts : KindDefaults.Ports(kind));
        json.String(element, path, "description");
        resource = resource with
        {
            Kind = kind,
            Image = json.String(element, path, "image") ?? compose?.Image,
            Build = ReadBuild(element, path) ?? compose?.Build,
            Ports = ports,
            Environment = MergeEnvironment(compose?.Environment, json.StringMap(element, path, "environment")) ?? resource.Environment,
            Command = json.Strings(element, path, "command") ?? compose?.Command ?? [],
            Readiness = !JsonObjectReader.TryGet(element, "readiness", out _) && compose?.Healthcheck is { } healthcheck
                ? ReadinessProbe.Default with { Kind = ProbeKind.Exec, Command = healthcheck }
                : ReadReadiness(element, path, ports),
            Isolation = ReadIsolation(element, path, kind),
            Variables = json.StringMap(element, path, "variables") ?? resource.Variables,
            ExposeBeyondLoopback = json.Bool(element, path, "exposeBeyondLoopback") ?? false,
            MemoryLimitBytes = json.Long(element, path, "memoryLimitBytes", 4 * 1024 * 1024, "memory limit in bytes"),
            Concurrency = json.Int(element, path, "concurrency", 1, "units using the resource at once"),
            Production = json.String(element, path, "production"),
        };
        resource = KindDefaults.Apply(resource);
        foreach (var (variable, message, fix) in KindDefaults.Mismatches(resource))
        {
            json.Error(JsonPath.Property(JsonPath.Property(path, "variables"), variable), message, fix);
        }

        if (resource.IsContainer && resource.Image is null && (compose is not null || !JsonObjectReader.TryGet(element, "compose", out _)))
        {
            json.Error(path, $"Resource '{name}' is a container ({KindName(kind)}) but names no image.", "Add \"image\": \"name:tag\" (with \"build\" to build it locally), take it from a docker-compose service with \"compose\", or set \"kind\": \"external\" for a resource the environment provides.");
        }
        if (!resource.IsContainer)
        {
            foreach (var key in new[] { "image", "build", "ports", "compose" })
            {
                if (JsonObjectReader.TryGet(element, key, out _))
                {
                    json.Error(JsonPath.Property(path, key), $"Resource '{name}' is external: no container is started, so '{key}' has no effect.", $"Remove '{key}', or use a container kind ({string.Join(", ", ConfigurationKeys.ResourceKinds.Keys.Where(kind => kind != "external").Order(StringComparer.Ordinal))}).");
                }
            }
        }

        CheckTemplates(resource.Environment, JsonPath.Property(path, "environment"), resource);
        CheckTemplates(resource.Variables, JsonPath.Property(path, "variables"), resource);
        for (var i = 0; i < resource.Isolation.Setup.Length; i++)
        {
            CheckTemplate(resource.Isolation.Setup[i], JsonPath.Index(JsonPath.Property(path, "isolation") + ".setup", i), resource);
        }
        return resource;
    }

    private ImageBuild? ReadBuild(JsonElement resource, string resourcePath)
    {
        if (!JsonObjectReader.TryGet(resource, "build", out var element))
        {
            return null;
        }
        var path = JsonPath.Property(resourcePath, "build");
        if (element.ValueKind == JsonValueKind.String)
        {
            return json.StringValue(element, path) is { } context ? new ImageBuild(context) : null;
        }
        if (!json.Object(element, path, ConfigurationKeys.Build))
        {
            return null;
        }
        var contextDirectory = json.String(element, path, "context", required: true);
        return contextDirectory is null
            ? null
            : new ImageBuild(contextDirectory, json.String(element, path, "dockerfile") ?? "Dockerfile", json.StringMap(element, path, "arguments"));
    }

    private ReadinessProbe ReadReadiness(JsonElement resource, string resourcePath, ImmutableArray<int> ports)
    {
        var probe = ReadinessProbe.Default;
        if (!JsonObjectReader.TryGet(resource, "readiness", out var element))
        {
            return probe;
        }
        var path = JsonPath.Property(resourcePath, "readiness");
        if (!json.Object(element, path, ConfigurationKeys.Readiness))
        {
            return probe;
        }
        probe = probe with
        {
            Kind = json.Enum(element, path, "kind", ConfigurationKeys.ProbeKinds) ?? probe.Kind,
            Command = json.Strings(element, path, "command") ?? [],
            LogPattern = json.String(element, path, "logPattern"),
            HttpPath = json.String(element, path, "httpPath"),
            Port = json.Int(element, path, "port", 1, "a container port"),
            AttemptTimeout = json.Seconds(element, path, "attemptTimeoutSeconds") ?? probe.AttemptTimeout,
            Interval = json.Seconds(element, path, "intervalSeconds") ?? probe.Interval,
            Deadline = json.Seconds(element, path, "deadlineSeconds"),
        };
        switch (probe.Kind)
        {
            case ProbeKind.Exec when probe.Command.IsEmpty:
                json.Error(path, "An exec probe needs a command.", "Add \"command\": [\"pg_isready\"] (exit code 0 means ready).");
                break;
            case ProbeKind.LogLine when probe.LogPattern is null:
                json.Error(path, "A logLine probe needs a logPattern.", "Add \"logPattern\": \"ready to accept connections\".");
                break;
            case ProbeKind.Http when probe.HttpPath is null:
                json.Error(path, "An http probe needs an httpPath.", "Add \"httpPath\": \"/health\".");
                break;
        }
        if (probe.LogPattern is { } pattern && !IsRegex(pattern))
        {
            json.Error(JsonPath.Property(path, "logPattern"), $"'{pattern}' is not a valid regular expression.", "Escape special characters with a backslash (written \\\\ in JSON).");
        }
        if (probe.Port is { } port && !ports.Contains(port))
        {
            json.Error(JsonPath.Property(path, "port"), $"Probe port {port.ToString(CultureInfo.InvariantCulture)} is not one of the resource's ports.", "Add it to \"ports\" or probe one of them.");
        }
        return probe;
    }

    private IsolationSettings ReadIsolation(JsonElement resource, string resourcePath, ResourceKind kind)
    {
        if (!JsonObjectReader.TryGet(resource, "isolation", out var element))
        {
            return KindDefaults.Isolation(kind);
        }
        var path = JsonPath.Property(resourcePath, "isolation");
        if (element.ValueKind == JsonValueKind.String)
        {
            var shorthand = json.EnumValue(element, path, "isolation mode", ConfigurationKeys.IsolationModes);
            return shorthand is { } mode ? new IsolationSettings(mode) : IsolationSettings.Shared;
        }
        if (!json.Object(element, path, ConfigurationKeys.Isolation))
        {
            return IsolationSettings.Shared;
        }
        return new IsolationSettings(
            json.Enum(element, path, "mode", ConfigurationKeys.IsolationModes) ?? IsolationMode.Shared,
            json.Strings(element, path, "setup") ?? []);
    }

    private ImmutableDictionary<string, CadenceDefinition>? ReadCadences(JsonElement root, ImmutableArray<string> layers, IEnumerable<string> resourceNames)
    {
        if (!JsonObjectReader.TryGet(root, "cadences", out var section))
        {
            return null;
        }
        var cadences = ImmutableDictionary.CreateBuilder<string, CadenceDefinition>(StringComparer.Ordinal);
        if (!json.Map(section, "$.cadences"))
        {
            return cadences.ToImmutable();
        }
        var resources = resourceNames.Order(StringComparer.Ordinal).ToImmutableArray();
        foreach (var property in section.EnumerateObject())
        {
            var path = JsonPath.Property("$.cadences", property.Name);
            CheckName(property.Name, path, "cadence");
            var element = property.Value;
            if (!json.Object(element, path, ConfigurationKeys.Cadence))
            {
                continue;
            }
            var cadenceLayers = ReadNameList(element, path, "layers", layers, "layers");
            var cadenceResources = ReadNameList(element, path, "resources", resources, "resources");
            cadences[property.Name] = new CadenceDefinition(
                property.Name,
                cadenceLayers,
                cadenceResources,
                json.Int(element, path, "repeat", 1, "repeat count") ?? 1,
                json.Int(element, path, "retries", 0, "retry count") ?? 0)
            {
                QuarantineEntries = ReadQuarantine(element, path),
                UsesCache = json.Bool(element, path, "cache") ?? CacheSettings.UsedByDefault(property.Name),
            };
        }
        return cadences.ToImmutable();
    }

    /// <summary>A cadence's quarantine: patterns, or entries with the test pattern, an owner, a reason and an expiry date.</summary>
    private ImmutableArray<QuarantineEntry> ReadQuarantine(JsonElement cadence, string cadencePath)
    {
        if (!JsonObjectReader.TryGet(cadence, "quarantine", out var list))
        {
            return [];
        }
        var path = JsonPath.Property(cadencePath, "quarantine");
        if (list.ValueKind != JsonValueKind.Array)
        {
            json.Error(path, "'quarantine' must be a list.", "Write [\"Namespace.Class.*\"] or [{ \"test\": \"Namespace.Class.*\", \"owner\": \"team\", \"reason\": \"…\", \"expires\": \"2027-01-31\" }].");
            return [];
        }
        var entries = ImmutableArray.CreateBuilder<QuarantineEntry>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var itemPath = JsonPath.Index(path, index++);
            if (item.ValueKind == JsonValueKind.String)
            {
                entries.Add(new QuarantineEntry(item.GetString()!));
                continue;
            }
            if (!json.Object(item, itemPath, ConfigurationKeys.QuarantineEntry))
            {
                continue;
            }
            var test = json.String(item, itemPath, "test", required: true);
            var expires = json.String(item, itemPath, "expires");
            DateOnly? last = null;
            if (expires is not null)
            {
                if (DateOnly.TryParseExact(expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    last = date;
                }
                else
                {
                    json.Error(JsonPath.Property(itemPath, "expires"), $"'{expires}' is not a date.", "Write the last day the quarantine holds as yyyy-MM-dd, e.g. \"2027-01-31\".");
                }
            }
            if (test is not null)
            {
                entries.Add(new QuarantineEntry(test, json.String(item, itemPath, "owner"), json.String(item, itemPath, "reason"), last));
            }
        }
        return entries.ToImmutable();
    }

    /// <summary>A required list of names that must all be <paramref name="known"/>; <c>["*"]</c> means all of them.</summary>
    private ImmutableArray<string> ReadNameList(JsonElement parent, string parentPath, string key, ImmutableArray<string> known, string section)
    {
        var path = JsonPath.Property(parentPath, key);
        if (!JsonObjectReader.TryGet(parent, key, out _))
        {
            json.Error(parentPath, $"Missing key '{key}'.", $"Add \"{key}\": [...] naming entries of \"{section}\" ([] for none, [\"*\"] for all).");
            return [];
        }
        var names = json.Strings(parent, parentPath, key) ?? [];
        if (names is ["*"])
        {
            return known;
        }
        for (var i = 0; i < names.Length; i++)
        {
            if (!known.Contains(names[i]))
            {
                json.Error(JsonPath.Index(path, i), $"'{names[i]}' is not defined in \"{section}\".", FixUnknownName(names[i], known, section));
            }
        }
        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    private ImmutableArray<TestRule> ReadRules(JsonElement root, ImmutableArray<string> layers, IEnumerable<string> resourceNames)
    {
        if (!JsonObjectReader.TryGet(root, "rules", out var section))
        {
            return [];
        }
        if (section.ValueKind != JsonValueKind.Array)
        {
            json.Error("$.rules", $"Expected an array of rules, found {JsonObjectReader.Describe(section)}.", "Write [ { \"namespace\": \"MyApp.Db.*\", \"layer\": \"integration\", \"resources\": [\"postgres\"] } ].");
            return [];
        }
        var resources = resourceNames.ToImmutableArray();
        var rules = ImmutableArray.CreateBuilder<TestRule>();
        var index = 0;
        foreach (var element in section.EnumerateArray())
        {
            var path = JsonPath.Index("$.rules", index++);
            if (!json.Object(element, path, ConfigurationKeys.Rule))
            {
                continue;
            }
            var rule = new TestRule
            {
                Assembly = json.String(element, path, "assembly"),
                Namespace = json.String(element, path, "namespace"),
                Class = json.String(element, path, "class"),
                Test = json.String(element, path, "test"),
                Layer = json.String(element, path, "layer"),
                Resources = json.Strings(element, path, "resources") ?? [],
                Override = json.Bool(element, path, "override") ?? false,
                Partition = json.String(element, path, "partition"),
                Description = json.String(element, path, "description"),
            };
            if (rule is { Assembly: null, Namespace: null, Class: null, Test: null })
            {
                json.Error(path, "A rule matches nothing without a pattern.", "Add at least one of \"assembly\", \"namespace\", \"class\", \"test\" (with * wildcards).");
            }
            if (rule.Layer is null && rule.Resources.IsEmpty && rule.Partition is null)
            {
                json.Error(path, "A rule gives neither a layer, resources nor a partition, so it has no effect.", "Add \"layer\", \"resources\" or \"partition\", or remove the rule.");
            }
            if (rule.Partition is { } partition)
            {
                CheckName(partition, JsonPath.Property(path, "partition"), "partition");
            }
            if (rule.Layer is { } layer && !layers.Contains(layer))
            {
                json.Error(JsonPath.Property(path, "layer"), $"'{layer}' is not defined in \"layers\".", FixUnknownName(layer, layers, "layers"));
            }
            for (var i = 0; i < rule.Resources.Length; i++)
            {
                if (!resources.Contains(rule.Resources[i]))
                {
                    json.Error(JsonPath.Index(JsonPath.Property(path, "resources"), i), $"'{rule.Resources[i]}' is not defined in \"resources\".", FixUnknownName(rule.Resources[i], resources, "resources"));
                }
            }
            rules.Add(rule);
        }
        return rules.ToImmutable();
    }

    private ParallelismSettings ReadParallelism(JsonElement root)
    {
        const string path = "$.parallelism";
        var settings = ParallelismSettings.Default;
        if (!JsonObjectReader.TryGet(root, "parallelism", out var element) || !json.Object(element, path, ConfigurationKeys.Parallelism))
        {
            return settings;
        }
        return settings with
        {
            MaxParallelUnits = json.Int(element, path, "maxParallelUnits", 0, "parallel units (0: one per processor)") ?? settings.MaxParallelUnits,
            MaxContainers = json.Int(element, path, "maxContainers", 1, "containers alive at once") ?? settings.MaxContainers,
            TargetUnitDuration = json.Seconds(element, path, "targetUnitSeconds") ?? settings.TargetUnitDuration,
            MaxUnitsPerPartition = json.Int(element, path, "maxUnitsPerPartition", 1, "units per partition") ?? settings.MaxUnitsPerPartition,
            PackBelow = json.Seconds(element, path, "packBelowSeconds", allowZero: true) ?? settings.PackBelow,
        };
    }

    private ExecutionSettings ReadExecution(JsonElement root)
    {
        const string path = "$.execution";
        var settings = ExecutionSettings.Default;
        if (!JsonObjectReader.TryGet(root, "execution", out var element) || !json.Object(element, path, ConfigurationKeys.Execution))
        {
            return settings;
        }
        return new ExecutionSettings(json.Bool(element, path, "sharedVsTestConsole") ?? settings.SharedVsTestConsole);
    }

    private TimeoutSettings ReadTimeouts(JsonElement root)
    {
        const string path = "$.timeouts";
        var settings = TimeoutSettings.Default;
        if (!JsonObjectReader.TryGet(root, "timeouts", out var element) || !json.Object(element, path, ConfigurationKeys.Timeouts))
        {
            return settings;
        }
        var hangDump = json.String(element, path, "hangDump") ?? settings.HangDump;
        if (hangDump is not ("none" or "mini" or "full"))
        {
            json.Error(JsonPath.Property(path, "hangDump"), $"'{hangDump}' is not a dump type.", "Use \"none\" (the default: the orchestrator names a hanging test itself), \"mini\" or \"full\" (VSTest's blame collector writes a dump of the hanging host).");
            hangDump = settings.HangDump;
        }
        return new TimeoutSettings(
            json.Seconds(element, path, "testHangSeconds") ?? settings.TestHang,
            json.Seconds(element, path, "unitSeconds") ?? settings.Unit,
            json.Seconds(element, path, "readinessSeconds") ?? settings.Readiness)
        {
            HangDump = hangDump,
        };
    }

    private void CheckTemplates(ImmutableDictionary<string, string> templates, string path, ResourceDefinition resource)
    {
        foreach (var (name, template) in templates)
        {
            CheckTemplate(template, JsonPath.Property(path, name), resource);
        }
    }

    private void CheckTemplate(string template, string path, ResourceDefinition resource)
    {
        IReadOnlyList<string> placeholders;
        try
        {
            placeholders = VariableTemplate.Placeholders(template);
        }
        catch (FormatException exception)
        {
            json.Error(path, exception.Message);
            return;
        }
        var known = VariableTemplate.KnownPlaceholders.Select(p => "{" + p + "}").ToList();
        foreach (var placeholder in placeholders)
        {
            if (!VariableTemplate.IsKnown(placeholder))
            {
                var suggestion = NameSuggestion.Nearest(placeholder, VariableTemplate.KnownPlaceholders);
                json.Error(
                    path,
                    $"Unknown placeholder '{{{placeholder}}}' in \"{template}\".",
                    (suggestion is null ? "" : $"Did you mean '{{{suggestion}}}'? ") + $"Known placeholders: {string.Join(", ", known)}; write {{{{ and }}}} for literal braces.");
            }
            else if (resource.IsContainer && placeholder == "port" && resource.Ports.IsEmpty)
            {
                json.Error(path, $"'{{port}}' needs a published port, but resource '{resource.Name}' lists no \"ports\".", "Add \"ports\": [<container port>].");
            }
            else if (placeholder.StartsWith("port:", StringComparison.Ordinal)
                && int.TryParse(placeholder.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                && !resource.Ports.Contains(port))
            {
                json.Error(path, $"'{{{placeholder}}}' names container port {port.ToString(CultureInfo.InvariantCulture)}, which resource '{resource.Name}' does not publish.", $"Add {port.ToString(CultureInfo.InvariantCulture)} to \"ports\".");
            }
        }
    }

    private void CheckName(string name, string path, string what)
    {
        if (!NamePattern().IsMatch(name))
        {
            json.Error(path, $"'{name}' is not a valid {what} name.", $"Use lower-case letters, digits, '.', '_' and '-' only, starting with a letter or digit: '{Suggested(name)}'.");
        }
    }

    private static string Suggested(string name)
    {
        var cleaned = new string([.. name.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')]).TrimStart('.', '_', '-');
        return cleaned.Length == 0 ? "name" : cleaned;
    }

    private static string FixUnknownName(string name, IReadOnlyList<string> known, string section)
    {
        var suggestion = NameSuggestion.Nearest(name, known);
        var list = known.Count == 0 ? "none is defined" : "defined: " + string.Join(", ", known);
        return (suggestion is null ? "" : $"Did you mean '{suggestion}'? ") + $"Define it under \"{section}\" or use a defined one ({list}).";
    }

    private static string KindName(ResourceKind kind) => ConfigurationKeys.ResourceKinds.First(pair => pair.Value == kind).Key;

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
