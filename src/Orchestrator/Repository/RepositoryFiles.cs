using System.Collections.Immutable;

namespace Orchestrator.Repository;

/// <summary>
/// Walks a repository's source tree: build output, tool state and dependency directories are passed
/// over, symbolic links are not followed (no cycles) and unreadable directories are skipped.
/// </summary>
internal static class RepositoryFiles
{
    public static ImmutableHashSet<string> SkippedDirectories { get; } =
        ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "bin", "obj", ".git", ".vs", "node_modules", "artifacts", ".orchestrator", "TestResults");

    private static readonly EnumerationOptions _enumeration = new() { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };

    /// <summary>Files under <paramref name="root"/> whose name satisfies <paramref name="include"/>, directory by directory.</summary>
    public static IEnumerable<string> Find(string root, Func<string, bool> include)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(include);
        var pending = new Stack<string>();
        pending.Push(Path.GetFullPath(root));
        while (pending.TryPop(out var directory))
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*", _enumeration).Order(StringComparer.Ordinal))
            {
                if (include(Path.GetFileName(file)))
                {
                    yield return file;
                }
            }
            foreach (var child in Directory.EnumerateDirectories(directory, "*", _enumeration).OrderDescending(StringComparer.Ordinal))
            {
                if (!SkippedDirectories.Contains(Path.GetFileName(child)))
                {
                    pending.Push(child);
                }
            }
        }
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="directory"/> or lies beneath it.</summary>
    public static bool IsUnder(string path, string directory)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(directory), Path.GetFullPath(path));
        return relative == "."
            || (relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
