using System.CommandLine;
using Orchestrator.Pipeline;
using Orchestrator.Planning.Selection;

namespace Orchestrator.Cli.Pipeline;

/// <summary>
/// <c>--filter</c> and <c>--project</c> of <c>run</c> and <c>plan</c>: a slice of the tests with the resources they need.
/// Without <c>--cadence</c> a slice runs in every layer with every configured resource; with one, within it.
/// </summary>
internal sealed class SliceOptions
{
    public Option<string?> Filter { get; } = new("--filter")
    {
        Description = "Run only the tests this dotnet test filter selects (FullyQualifiedName~Checkout, Category=Integration&Resource=postgres), on VSTest and Microsoft.Testing.Platform alike.",
    };

    public Option<string[]> Project { get; } = new("--project")
    {
        Description = "Run only the tests of these test projects (assembly names; repeat the option for several).",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<int?> Repeat { get; } = new("--repeat")
    {
        Description = "Run the selection N times (each repetition in namespaces of its own, in parallel up to the slots) and report each test's pass rate, distinct failure messages and durations.",
    };

    /// <summary>The workspace with the cadence's <c>repeat</c> set from <c>--repeat</c>, when given.</summary>
    public Workspace WithRepeat(ParseResult parse, Workspace workspace, string cadence)
    {
        if (parse.GetValue(Repeat) is not { } repeat)
        {
            return workspace;
        }
        if (repeat < 1)
        {
            throw new UsageException($"--repeat {repeat} runs nothing: give a count of 1 or more, e.g. --repeat 50.");
        }
        var configuration = workspace.Configuration;
        return configuration.Cadences.TryGetValue(cadence, out var definition)
            ? workspace with { Configuration = configuration with { Cadences = configuration.Cadences.SetItem(cadence, definition with { Repeat = repeat }) } }
            : workspace;
    }

    /// <summary>The workspace, cadence and selection to plan with.</summary>
    public (Workspace Workspace, string Cadence, TestSelection Selection) Resolve(ParseResult parse, Option<string> cadence, Workspace workspace)
    {
        TestFilter? filter;
        try
        {
            filter = parse.GetValue(Filter) is { } text ? TestFilter.Parse(text) : null;
        }
        catch (FormatException invalid)
        {
            throw new UsageException(invalid.Message);
        }
        var selection = new TestSelection(filter, [.. parse.GetValue(Project) ?? []]);
        if (selection.IsEmpty || parse.GetResult(cadence) is { Implicit: false })
        {
            return (workspace, parse.GetValue(cadence)!, selection);
        }
        return (workspace with { Configuration = SliceCadence.AddTo(workspace.Configuration) }, SliceCadence.Name, selection);
    }
}
