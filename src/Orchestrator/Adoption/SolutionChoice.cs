using System.Collections.Immutable;
using Orchestrator.Repository;

namespace Orchestrator.Adoption;

/// <summary>The solution <c>orchestrator build</c> should build, as init finds it, and what it could not decide.</summary>
internal sealed record SolutionChoice(string? Solution, ImmutableArray<string> Notes)
{
    private static readonly ImmutableArray<string> _extensions = [".sln", ".slnx"];

    /// <summary>
    /// The one solution at the root, else the one solution anywhere in the repository; with a note for
    /// every test project the chosen solution does not mention.
    /// </summary>
    public static SolutionChoice Find(string rootDirectory, IEnumerable<TestProject> projects)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        ArgumentNullException.ThrowIfNull(projects);
        var root = Path.GetFullPath(rootDirectory);
        static bool IsSolution(string name) => _extensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase);
        var atRoot = Directory.EnumerateFiles(root).Where(file => IsSolution(Path.GetFileName(file))).Order(StringComparer.Ordinal).ToList();
        var candidates = atRoot.Count > 0 ? atRoot : [.. RepositoryFiles.Find(root, IsSolution)];
        var relative = candidates.Select(path => Path.GetRelativePath(root, path).Replace('\\', '/')).ToList();
        if (relative.Count == 0)
        {
            return new SolutionChoice(null,
            [
                "No solution found: 'orchestrator build' needs one that builds every test project. Create one (dotnet new sln; dotnet sln add <projects>) " +
                "and set \"build\": { \"solution\" }, or name a single project there.",
            ]);
        }
        if (relative.Count > 1)
        {
            return new SolutionChoice(null,
            [
                $"Several solutions found ({string.Join(", ", relative)}): set \"build\": {{ \"solution\" }} to the one that builds every test project.",
            ]);
        }
        var text = File.ReadAllText(candidates[0]);
        var missing = projects
            .Where(project => !text.Contains(Path.GetFileName(project.RelativePath), StringComparison.OrdinalIgnoreCase))
            .Select(project => project.RelativePath)
            .ToList();
        return new SolutionChoice(
            relative[0],
            missing.Count == 0
                ? []
                : [$"{relative[0]} does not mention {string.Join(", ", missing)}: 'orchestrator build' would not build it. Add it to the solution or build another one."]);
    }
}
