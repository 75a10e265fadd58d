using System.Collections.Immutable;

namespace Orchestrator.Adoption;

/// <summary>What <c>orchestrator init</c> found in a repository, the configuration it suggests and what it could not decide.</summary>
public sealed record RepositoryAdoption
{
    public required string RootDirectory { get; init; }

    public ImmutableArray<ProjectSuggestion> Suggestions { get; init; } = [];

    /// <summary>The solution to build, relative to the root; null when there is none or several.</summary>
    public string? Solution { get; init; }

    /// <summary>The <c>$schema</c> value; null when no schema was found.</summary>
    public string? Schema { get; init; }

    /// <summary>Projects that look like tests but were left out, with the reason.</summary>
    public ImmutableArray<string> Skipped { get; init; } = [];

    /// <summary>What init decided and wrote into the configuration (an isolation, a concurrency), each with its evidence.</summary>
    public ImmutableArray<AdoptionDecision> Decided { get; init; } = [];

    /// <summary>What init could not decide, repository-wide and per project: the things to check first.</summary>
    public ImmutableArray<string> Undecided { get; init; } = [];

    /// <summary>The services, variables and connection strings the repository's workflows, compose and appsettings files give.</summary>
    internal RepositoryEvidence Evidence { get; init; } = RepositoryEvidence.None;

    /// <summary>The variables the tests read, by the container resource that gives them.</summary>
    internal ImmutableDictionary<string, ImmutableArray<AssignedRead>> Reads { get; init; } = ImmutableDictionary<string, ImmutableArray<AssignedRead>>.Empty;

    public string ConfigurationJson => StarterConfiguration.Write(this);

    /// <param name="rootDirectory">The repository root, where orchestrator.json goes.</param>
    /// <param name="shippedSchemaPath">The schema shipped with the tool, used when the repository has none.</param>
    public static RepositoryAdoption Of(string rootDirectory, string? shippedSchemaPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        var root = Path.GetFullPath(rootDirectory);
        var scan = TestProjectScanner.Scan(root);
        var suggestions = AdoptionSuggester.Suggest(scan.Projects);
        var solution = SolutionChoice.Find(root, scan.Projects);
        var schema = SchemaReference.For(root, shippedSchemaPath);
        var undecided = ImmutableArray.CreateBuilder<string>();
        undecided.AddRange(solution.Notes);
        if (schema.Note is { } note)
        {
            undecided.Add(note);
        }
        undecided.AddRange(suggestions.SelectMany(suggestion => suggestion.Undecided).Distinct(StringComparer.Ordinal));
        var unrestored = scan.Projects.Where(project => project.AssetsFile is null).Select(project => project.Name).ToList();
        if (unrestored.Count > 0)
        {
            undecided.Add(
                $"{string.Join(", ", unrestored)}: not restored (no obj/project.assets.json), so the transitive package graph was not read and " +
                "clients that come only through other packages (e.g. Npgsql through a company's data package) were not seen. " +
                "Run 'dotnet restore' before 'orchestrator init' to let it see packages that come through other packages.");
        }
        var evidence = RepositoryEvidence.Scan(root);
        var (reads, unassigned) = ReadAssignment.Assign(suggestions, evidence);
        undecided.AddRange(evidence.Notes);
        undecided.AddRange(unassigned);
        var starting = suggestions.Where(suggestion => suggestion.ContainerPackage is not null && !suggestion.Resources.Contains(AdoptionSuggester.DockerResource)).ToList();
        if (starting.Count > 0)
        {
            undecided.Add(
                $"{string.Join(", ", starting.Select(suggestion => $"{suggestion.Project.Name} reaches {suggestion.ContainerPackage}"))}: " +
                "tests that start their own containers need a Docker engine. If some do, give them an external resource " +
                "(\"docker\": { \"kind\": \"external\" }) by trait or rule, so a cadence without it leaves them out.");
        }
        var limited = ClientPackages.WithContainer
            .Where(resource => suggestions.Any(suggestion => suggestion.Resources.Contains(resource)))
            .Select(resource => FixedAddressLimit.Of(resource, evidence, suggestions))
            .OfType<AdoptionDecision>();
        return new RepositoryAdoption
        {
            RootDirectory = root,
            Suggestions = suggestions,
            Solution = solution.Solution,
            Schema = schema.Value,
            Skipped = scan.Skipped,
            Undecided = undecided.ToImmutable(),
            Decided = [.. suggestions.SelectMany(suggestion => suggestion.Decided), .. limited],
            Evidence = evidence,
            Reads = reads,
        };
    }
}
