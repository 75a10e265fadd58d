using System.Collections.Immutable;
using System.Text.Json;

namespace Orchestrator.Adoption;

/// <summary>
/// Reads the package graph NuGet restore wrote for a project (<c>project.assets.json</c>): every package
/// of its <c>libraries</c>, also those that come through other packages, each with the way in that the
/// <c>targets</c> dependencies tell, from the project's own references (<c>projectFileDependencyGroups</c>)
/// breadth first, so each package keeps its shortest chain ("Npgsql through NuGet package Acme.Data").
/// </summary>
internal static class ProjectAssets
{
    /// <summary>The step for a package that no chain from the project's own references reaches.</summary>
    public const string UnchainedStep = "the restored package graph";

    /// <summary>The packages of the assets file at <paramref name="path"/>, restored for <paramref name="projectPath"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not an assets file, or belongs to another project (the message says which, for a note about the file).</exception>
    /// <exception cref="JsonException">The file is not JSON.</exception>
    public static ImmutableArray<PackageReach> Read(string path, string projectPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(projectPath);
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var root = document.RootElement;
        if (Member(root, "libraries") is not { ValueKind: JsonValueKind.Object } libraries)
        {
            throw new InvalidDataException("it has no \"libraries\" object, so it is not a NuGet assets file");
        }
        if (Member(root, "project") is { } project && Member(project, "restore") is { } restore
            && restore.TryGetProperty("projectPath", out var restoredFor) && restoredFor.ValueKind == JsonValueKind.String
            && !string.Equals(FileName(restoredFor.GetString()!), Path.GetFileName(projectPath), StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"it was restored for {restoredFor.GetString()}, not for {Path.GetFileName(projectPath)}; give each project its own obj/ directory");
        }

        var kinds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var library in libraries.EnumerateObject())
        {
            var type = Member(library.Value, "type") is { ValueKind: JsonValueKind.String } value ? value.GetString()! : "package";
            kinds.TryAdd(LibraryName(library.Name), type);
        }
        var dependencies = new Dictionary<string, SortedSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var target in Members(Member(root, "targets")))
        {
            foreach (var library in Members(target.Value))
            {
                var name = LibraryName(library.Name);
                if (!dependencies.TryGetValue(name, out var children))
                {
                    dependencies[name] = children = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
                }
                children.UnionWith(Members(Member(library.Value, "dependencies")).Select(dependency => dependency.Name));
            }
        }
        var own = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in Members(Member(root, "projectFileDependencyGroups")).Where(group => group.Value.ValueKind == JsonValueKind.Array))
        {
            own.UnionWith(group.Value.EnumerateArray()
                .Where(item => item.ValueKind == JsonValueKind.String)
                .Select(item => item.GetString()!.Trim().Split(' ', 2)[0])
                .Where(name => name.Length > 0));
        }

        var reached = new Dictionary<string, PackageReach>(StringComparer.OrdinalIgnoreCase);
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<(string Name, ImmutableArray<string> Via)>(own.Select(name => (name, ImmutableArray<string>.Empty)));
        while (pending.TryDequeue(out var current))
        {
            if (!visited.Add(current.Name))
            {
                continue;
            }
            var kind = kinds.GetValueOrDefault(current.Name);
            if (kind == "package")
            {
                reached.TryAdd(current.Name, new PackageReach(current.Name, current.Via));
            }
            var step = kind == "project" ? current.Name : PackageReach.PackageStep(current.Name);
            foreach (var child in dependencies.GetValueOrDefault(current.Name) ?? [])
            {
                pending.Enqueue((child, current.Via.Add(step)));
            }
        }
        foreach (var name in kinds.Where(library => library.Value == "package").Select(library => library.Key).Where(name => !reached.ContainsKey(name)))
        {
            reached[name] = new PackageReach(name, [UnchainedStep]);
        }
        return [.. reached.Values.OrderBy(reach => reach.Package, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>"Npgsql/8.0.3" → "Npgsql".</summary>
    private static string LibraryName(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? key : key[..slash];
    }

    private static string FileName(string path) => Path.GetFileName(path.Replace('\\', '/'));

    private static JsonElement? Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static List<JsonProperty> Members(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } value ? [.. value.EnumerateObject()] : [];
}
