using System.Formats.Tar;

namespace Orchestrator.Docker.Images;

/// <summary>
/// The tar of a build context sent to the engine, without what its .dockerignore excludes
/// (the Dockerfile and .dockerignore themselves are always sent, as docker does).
/// </summary>
internal static class BuildContextArchive
{
    public static async Task WriteAsync(string context, string dockerfile, Stream destination, CancellationToken ct)
    {
        var ignore = DockerIgnore.ForContext(context);
        var alwaysSent = new[] { dockerfile.Replace('\\', '/').TrimStart('/'), ".dockerignore" };
        await using var writer = new TarWriter(destination, TarEntryFormat.Pax, leaveOpen: true);
        foreach (var entry in Entries(context).OrderBy(path => path, StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(context, entry).Replace('\\', '/');
            if (ignore.IsExcluded(name) && !alwaysSent.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }
            await writer.WriteEntryAsync(entry, name, ct);
        }
    }

    private static IEnumerable<string> Entries(string context) =>
        Directory.EnumerateFileSystemEntries(context, "*", new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = 0,
            ReturnSpecialDirectories = false,
        });
}
