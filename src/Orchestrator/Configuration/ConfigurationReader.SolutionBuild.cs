using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Orchestrator.Configuration;

/// <summary>The root <c>build</c> section: what <c>orchestrator build</c> builds, and with which MSBuild properties.</summary>
internal sealed partial class ConfigurationReader
{
    private const string SolutionBuildPath = "$.build";

    /// <summary>Properties the orchestrator passes itself, with what to write instead.</summary>
    private static readonly ImmutableDictionary<string, string> _ownedProperties = new Dictionary<string, string>
    {
        ["Configuration"] = "Set \"configuration\" in the build section instead.",
        ["OrchestratorManifestDirectory"] = "The orchestrator writes the manifests where discover reads them (artifacts/orchestrator/manifests beside this file); remove it.",
        ["OrchestratorTasksAssembly"] = "The orchestrator passes the task shipped with it; remove it.",
    }.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly ImmutableArray<string> _buildableExtensions = [".sln", ".slnx", ".slnf", ".csproj", ".fsproj", ".vbproj", ".proj"];

    private BuildSettings ReadSolutionBuild(JsonElement root, string? rootSolution)
    {
        var settings = BuildSettings.Default with { Solution = rootSolution };
        if (!JsonObjectReader.TryGet(root, "build", out var element) || !json.Object(element, SolutionBuildPath, ConfigurationKeys.SolutionBuild))
        {
            return settings;
        }
        var solution = json.String(element, SolutionBuildPath, "solution");
        var solutionPath = JsonPath.Property(SolutionBuildPath, "solution");
        if (solution is not null && rootSolution is not null)
        {
            json.Error(solutionPath, $"The solution is given twice: \"{rootSolution}\" in $.solution and \"{solution}\" here.", "Keep one: remove $.solution.");
        }
        if (solution is not null && !_buildableExtensions.Contains(Path.GetExtension(solution), StringComparer.OrdinalIgnoreCase))
        {
            json.Error(solutionPath, $"'{solution}' is neither a solution nor a project file.", $"Name a file ending in {string.Join(", ", _buildableExtensions)}, relative to this file.");
        }
        var configuration = json.String(element, SolutionBuildPath, "configuration");
        if (configuration is not null && !MSBuildNamePattern().IsMatch(configuration))
        {
            json.Error(JsonPath.Property(SolutionBuildPath, "configuration"), $"'{configuration}' is not a build configuration name.", "Write Release or Debug (or another configuration of the solution).");
        }
        return settings with
        {
            Solution = solution ?? rootSolution,
            Configuration = configuration ?? settings.Configuration,
            Properties = ReadBuildProperties(element),
        };
    }

    private ImmutableDictionary<string, string> ReadBuildProperties(JsonElement section)
    {
        var properties = json.StringMap(section, SolutionBuildPath, "properties");
        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        if (properties is null)
        {
            return result.ToImmutable();
        }
        var path = JsonPath.Property(SolutionBuildPath, "properties");
        foreach (var (name, value) in properties.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var propertyPath = JsonPath.Property(path, name);
            if (!MSBuildNamePattern().IsMatch(name))
            {
                json.Error(propertyPath, $"'{name}' is not a valid MSBuild property name.", "Use letters, digits, '_' and '-', starting with a letter or '_'.");
            }
            else if (_ownedProperties.TryGetValue(name, out var fix))
            {
                json.Error(propertyPath, $"Property '{name}' is set by the orchestrator.", fix);
            }
            else if (result.ContainsKey(name))
            {
                json.Error(propertyPath, $"Property '{name}' is given twice (MSBuild property names ignore case).", "Keep one.");
            }
            else
            {
                result[name] = value;
            }
        }
        return result.ToImmutable();
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex MSBuildNamePattern();
}
