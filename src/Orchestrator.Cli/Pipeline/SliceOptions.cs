using System.CommandLine;
using Orchestrator.Pipeline;
using Orchestrator.Planning.Selection;
using Orchestrator.Results;

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

    public Option<bool> UntilFail { get; } = new("--until-fail")
    {
        Description = "With --repeat: stop starting repetitions of a mode once one of them failed (those running finish); the report says after how many and shows the failure.",
    };

    public Option<string?> Mode { get; } = new("--mode")
    {
        Description = "With --repeat: alone (the default: the selected tests by themselves, one repetition at a time), alongside (each repetition with the other tests of its unit in a normal run, in parallel) or both, compared in the report; a test failing only alongside is an isolation problem.",
    };

    /// <summary>The modes of <c>--repeat</c> from <c>--mode</c> (alone when not given), or none without <c>--repeat</c>.</summary>
    public IReadOnlyList<RepetitionMode> Modes(ParseResult parse)
    {
        var mode = parse.GetValue(Mode);
        if (parse.GetValue(Repeat) is null)
        {
            if (mode is not null || parse.GetValue(UntilFail))
            {
                throw new UsageException($"{(mode is not null ? "--mode" : "--until-fail")} applies to repetitions: add --repeat N, e.g. --repeat 50.");
            }
            return [];
        }
        return (mode ?? "alone").ToLowerInvariant() switch
        {
            "alone" => [RepetitionMode.Alone],
            "alongside" => [RepetitionMode.Alongside],
            "both" => [RepetitionMode.Alone, RepetitionMode.Alongside],
            _ => throw new UsageException($"--mode {mode} is not a mode: give alone, alongside or both."),
        };
    }

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
