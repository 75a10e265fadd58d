namespace Orchestrator.Cli.Init;

/// <summary>
/// The <c>.gitignore</c> lines for what the orchestrator writes into a repository (its state in
/// <c>.orchestrator/</c>, builds and reports in <c>artifacts/</c>): appended to an existing <c>.gitignore</c> that
/// lacks them, printed when there is none.
/// </summary>
internal static class GitIgnoreLines
{
    public static IReadOnlyList<string> Lines { get; } = [".orchestrator/", "artifacts/"];

    /// <summary>Adds the missing lines to <paramref name="root"/>'s .gitignore when it exists; returns the line init prints about it.</summary>
    public static async Task<string> OfferAsync(string root, CancellationToken ct)
    {
        var path = Path.Combine(root, ".gitignore");
        if (!File.Exists(path))
        {
            return $"No .gitignore found: add these lines to the one you keep, so state and reports are not committed: {string.Join(" ", Lines)}";
        }
        var text = await File.ReadAllTextAsync(path, ct);
        var present = text.Split('\n').Select(line => Normalize(line)).ToHashSet(StringComparer.Ordinal);
        var missing = Lines.Where(line => !present.Contains(Normalize(line))).ToList();
        if (missing.Count == 0)
        {
            return $".gitignore already ignores {string.Join(" and ", Lines)}.";
        }
        var separator = text.Length == 0 || text.EndsWith('\n') ? "" : Environment.NewLine;
        await File.AppendAllTextAsync(path, separator + string.Join(Environment.NewLine, missing) + Environment.NewLine, ct);
        return $"Appended to .gitignore: {string.Join(" ", missing)} (the orchestrator's state and outputs).";
    }

    /// <summary>"/artifacts", "artifacts/", "**/artifacts/" all ignore the directory at the root.</summary>
    private static string Normalize(string line) =>
        line.Trim().TrimEnd('/').TrimStart('/').Replace("**/", "", StringComparison.Ordinal);
}
