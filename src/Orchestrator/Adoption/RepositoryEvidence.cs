using System.Collections.Immutable;

namespace Orchestrator.Adoption;

/// <summary>
/// What a repository says about the services its tests use, outside the test code: the CI workflows'
/// services and variables, compose files' services and appsettings connection strings.
/// </summary>
internal sealed record RepositoryEvidence
{
    public static RepositoryEvidence None { get; } = new();

    /// <summary>Workflow services first, then compose services, each in file order.</summary>
    public ImmutableArray<ServiceEvidence> Services { get; init; } = [];

    /// <summary>Variables the workflows give (workflow, job and step <c>env:</c>).</summary>
    public ImmutableArray<FoundValue> Variables { get; init; } = [];

    /// <summary>Connection strings of appsettings files, named by configuration key (<c>ConnectionStrings:Redis</c>).</summary>
    public ImmutableArray<FoundValue> Settings { get; init; } = [];

    /// <summary>Files init could not read.</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    public static RepositoryEvidence Scan(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        var root = Path.GetFullPath(rootDirectory);
        var notes = new List<string>();
        var (workflowServices, variables) = WorkflowScanner.Scan(root, notes);
        var composeServices = ComposeServiceScanner.Scan(root, notes);
        var settings = AppSettingsScanner.Scan(root, notes);
        return new RepositoryEvidence
        {
            Services = [.. workflowServices, .. composeServices],
            Variables = variables,
            Settings = settings,
            Notes = [.. notes],
        };
    }

    /// <summary>
    /// The value given for <paramref name="read"/>: a workflow variable of that name, else an appsettings
    /// connection string for that key (or for the key the variable stands for, <c>ConnectionStrings__Redis</c>).
    /// </summary>
    public FoundValue? ValueFor(VariableRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var key = read.Variable.Replace("__", ":", StringComparison.Ordinal);
        return Variables.FirstOrDefault(value => value.Name == read.Variable)
            ?? Settings.FirstOrDefault(value => string.Equals(value.Name, key, StringComparison.OrdinalIgnoreCase));
    }
}
