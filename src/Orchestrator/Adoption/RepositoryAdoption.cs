using System.Collections.Immutable;

namespace Orchestrator.Adoption;

/// <summary>What <c>orchestrator init</c> found in a repository and the configuration it suggests.</summary>
public sealed record RepositoryAdoption
{
    public required string RootDirectory { get; init; }

    public ImmutableArray<ProjectSuggestion> Suggestions { get; init; } = [];

    /// <summary>The solution at the root when there is exactly one, relative to it; else null.</summary>
    public string? Solution { get; init; }

    public string ConfigurationJson => StarterConfiguration.Write(Suggestions, Solution);

    public static RepositoryAdoption Of(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        var root = Path.GetFullPath(rootDirectory);
        var projects = TestProjectScanner.Scan(root);
        var solutions = Directory.EnumerateFiles(root, "*.sln").Concat(Directory.EnumerateFiles(root, "*.slnx")).ToList();
        return new RepositoryAdoption
        {
            RootDirectory = root,
            Suggestions = AdoptionSuggester.Suggest(projects),
            Solution = solutions.Count == 1 ? Path.GetFileName(solutions[0]) : null,
        };
    }
}
