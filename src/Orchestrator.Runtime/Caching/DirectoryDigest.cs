namespace Orchestrator.Runtime.Caching;

/// <summary>
/// A SHA-256 over every file under a directory (relative path and content, in ordinal order of the paths): what a test
/// host loads from a test assembly's output directory. <c>TestResults</c> folders are left out, since test runs write there.
/// </summary>
internal static class DirectoryDigest
{
    private static readonly string[] Excluded = ["TestResults"];

    public static Task<string> OfAsync(string directory, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var root = Path.GetFullPath(directory);
        var files = System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(relative => !Excluded.Any(folder => relative.StartsWith(folder + "/", StringComparison.Ordinal) || relative.Contains("/" + folder + "/", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(relative => (Name: relative, Path: Path.Combine(root, relative)));
        return InputDigests.OfFilesAsync(files, ct);
    }
}
