using Orchestrator.Repository;

namespace Orchestrator.Adoption;

/// <summary>
/// The <c>$schema</c> init writes: a relative path (<c>./…</c>, resolved against the configuration file
/// by editors) to the repository's own copy of <c>orchestrator.schema.json</c> or to the tool's when
/// the tool lives in the repository; otherwise a <c>file://</c> URI of the copy shipped with the tool,
/// which exists on this machine only (<see cref="Note"/> says so).
/// </summary>
public sealed record SchemaReference(string? Value, string? Note)
{
    public const string FileName = "orchestrator.schema.json";

    /// <param name="rootDirectory">Where orchestrator.json is written.</param>
    /// <param name="shippedSchemaPath">The schema shipped with the tool; null when unknown.</param>
    public static SchemaReference For(string rootDirectory, string? shippedSchemaPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        var root = Path.GetFullPath(rootDirectory);
        var own = RepositoryFiles.Find(root, name => string.Equals(name, FileName, StringComparison.OrdinalIgnoreCase))
            .OrderBy(path => path.Count(c => c == Path.DirectorySeparatorChar))
            .ThenBy(path => path, StringComparer.Ordinal)
            .FirstOrDefault();
        if (own is not null)
        {
            return new SchemaReference(Relative(root, own), null);
        }
        if (shippedSchemaPath is null || !File.Exists(shippedSchemaPath))
        {
            return new SchemaReference(null, $"No {FileName} found in the repository or beside the tool: $schema is left out, so editors will not complete the file.");
        }
        if (RepositoryFiles.IsUnder(shippedSchemaPath, root))
        {
            return new SchemaReference(Relative(root, shippedSchemaPath), null);
        }
        return new SchemaReference(
            new Uri(Path.GetFullPath(shippedSchemaPath)).AbsoluteUri,
            $"$schema points at the copy shipped with the tool ({shippedSchemaPath}), which exists on this machine only. " +
            $"To share completion with the team, copy it into the repository (e.g. eng/{FileName}) and write \"$schema\": \"./eng/{FileName}\".");
    }

    private static string Relative(string root, string path) => "./" + Path.GetRelativePath(root, path).Replace('\\', '/');
}
