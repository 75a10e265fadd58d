using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Orchestrator.Adoption;

/// <summary>
/// Where <c>dotnet restore</c> writes a project's <c>project.assets.json</c>: its
/// <c>MSBuildProjectExtensionsPath</c>, else its <c>BaseIntermediateOutputPath</c>, else
/// <c>artifacts/obj/&lt;project&gt;/</c> under <c>UseArtifactsOutput</c>, else <c>obj/</c>. The properties are
/// read from the nearest Directory.Build.props and the project file, not evaluated: only references to
/// properties set there and to <c>MSBuildProjectName</c>, <c>MSBuildProjectDirectory</c> and
/// <c>MSBuildThisFileDirectory</c> are expanded; a value built from anything else is passed over.
/// </summary>
internal static partial class RestoreOutput
{
    public const string AssetsFileName = "project.assets.json";

    /// <summary>The assets file of <paramref name="project"/>; null when none exists (the project was not restored).</summary>
    public static string? AssetsFile(ProjectFile project, DirectoryImports imports)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(imports);
        return Candidates(project, imports.BuildProperties(project.Directory)).FirstOrDefault(File.Exists);
    }

    /// <summary>Every place the assets file may be, most specific first.</summary>
    public static ImmutableArray<string> Candidates(ProjectFile project, (string File, ImmutableArray<KeyValuePair<string, string>> Properties)? buildProps)
    {
        ArgumentNullException.ThrowIfNull(project);
        var projectName = Path.GetFileNameWithoutExtension(project.FullPath);
        var known = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["MSBuildProjectName"] = projectName,
            ["MSBuildProjectFile"] = project.Name,
            ["MSBuildProjectFullPath"] = project.FullPath,
            ["MSBuildProjectDirectory"] = project.Directory,
        };
        if (buildProps is { } shared)
        {
            Set(known, shared.Properties, Path.GetDirectoryName(shared.File)!);
        }
        Set(known, project.Properties, project.Directory);

        string Resolve(string path) => Path.GetFullPath(path.Replace('\\', '/'), project.Directory);
        var directories = new List<string>();
        if (known.TryGetValue("MSBuildProjectExtensionsPath", out var extensions))
        {
            directories.Add(Resolve(extensions));
        }
        if (known.TryGetValue("BaseIntermediateOutputPath", out var intermediate))
        {
            directories.Add(Resolve(intermediate));
        }
        if (known.TryGetValue("UseArtifactsOutput", out var artifactsOutput) && string.Equals(artifactsOutput, "true", StringComparison.OrdinalIgnoreCase))
        {
            var artifacts = known.GetValueOrDefault("ArtifactsPath")
                ?? Path.Combine(buildProps is { } props ? Path.GetDirectoryName(props.File)! : project.Directory, "artifacts");
            directories.Add(Path.Combine(Resolve(artifacts), "obj", projectName));
        }
        directories.Add(Path.Combine(project.Directory, "obj"));
        return [.. directories.Select(directory => Path.Combine(directory, AssetsFileName)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Sets each property whose value expands; one that does not is left unknown, as if never set.</summary>
    private static void Set(Dictionary<string, string> known, ImmutableArray<KeyValuePair<string, string>> properties, string fileDirectory)
    {
        known["MSBuildThisFileDirectory"] = fileDirectory.TrimEnd('/', '\\') + Path.DirectorySeparatorChar;
        foreach (var (name, value) in properties)
        {
            if (Expand(value, known) is { } expanded)
            {
                known[name] = expanded;
            }
            else
            {
                known.Remove(name);
            }
        }
    }

    private static string? Expand(string value, Dictionary<string, string> known)
    {
        var unresolved = false;
        var expanded = PropertyReference().Replace(value, reference =>
        {
            if (known.TryGetValue(reference.Groups["name"].Value, out var replacement))
            {
                return replacement;
            }
            unresolved = true;
            return reference.Value;
        });
        return unresolved || expanded.Contains("$(", StringComparison.Ordinal) ? null : expanded;
    }

    [GeneratedRegex(@"\$\((?<name>[A-Za-z_][A-Za-z0-9_.-]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex PropertyReference();
}
