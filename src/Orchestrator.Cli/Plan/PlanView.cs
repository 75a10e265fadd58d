using System.Globalization;
using System.Text.Json;
using Orchestrator.Configuration;
using Orchestrator.Pipeline;
using Orchestrator.Planning;
using Spectre.Console;

namespace Orchestrator.Cli.Plan;

/// <summary>Shows a <see cref="TestPlan"/>: a table of partitions, what was left out and why, and the predicted makespan; or JSON.</summary>
internal static class PlanView
{
    public static void Render(TestPlan plan, OrchestratorConfiguration config, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(console);

        var title = plan.Shard is null ? $"Plan for cadence [bold]{Markup.Escape(plan.Cadence)}[/]" : $"Plan for cadence [bold]{Markup.Escape(plan.Cadence)}[/], shard {plan.Shard}";
        var table = new Table().Title(title).Border(TableBorder.Rounded)
            .AddColumn("Partition")
            .AddColumn("Layer")
            .AddColumn("Resources")
            .AddColumn(new TableColumn("Tests").RightAligned())
            .AddColumn(new TableColumn("Units").RightAligned())
            .AddColumn(new TableColumn("Expected").RightAligned())
            .AddColumn(new TableColumn("Containers").RightAligned());
        foreach (var partition in plan.Partitions)
        {
            table.AddRow(
                Markup.Escape(partition.Id),
                Markup.Escape(partition.Layer),
                Markup.Escape(Resources(partition)),
                Count(partition.TestCount),
                Count(partition.Units.Count),
                Duration(partition.ExpectedDuration),
                Count(ContainersNeeded(partition, config)));
        }
        table.AddEmptyRow();
        table.AddRow(
            "[bold]total[/]",
            "",
            "",
            Count(plan.SelectedTestCount),
            Count(plan.Units.Count()),
            Duration(plan.Prediction.TotalWork),
            Count(TotalContainers(plan, config)));
        console.Write(table);

        if (plan.Exclusions.Count > 0)
        {
            var left = new Table().Title("Left out").Border(TableBorder.Rounded)
                .AddColumn("Reason")
                .AddColumn(new TableColumn("Tests").RightAligned())
                .AddColumn("Example");
            foreach (var group in plan.Exclusions.GroupBy(exclusion => exclusion.Reason).OrderBy(group => group.Key))
            {
                var first = group.First();
                left.AddRow(Markup.Escape(Describe(group.Key)), Count(group.Count()), Markup.Escape($"{first.Test.FullyQualifiedName}: {first.Detail}"));
            }
            console.Write(left);
        }

        var prediction = plan.Prediction;
        console.MarkupLine(
            $"Predicted makespan [bold]{Duration(prediction.Makespan)}[/] on {Count(prediction.Slots)} slots; lower bound {Duration(prediction.LowerBound)} (total work {Duration(prediction.TotalWork)}).");
    }

    /// <param name="cache">The result cache's decisions, when the plan used it.</param>
    /// <param name="cacheOff">Why the plan did not use the result cache.</param>
    public static string ToJson(TestPlan plan, OrchestratorConfiguration config, IReadOnlyList<CacheScopeSummary>? cache = null, string? cacheOff = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(config);
        var document = new PlanDocument(
            plan.Cadence,
            plan.Shard?.ToString(),
            plan.SelectedTestCount,
            plan.Exclusions.Count,
            new PredictionDocument(
                plan.Prediction.Makespan.TotalSeconds,
                plan.Prediction.LowerBound.TotalSeconds,
                plan.Prediction.TotalWork.TotalSeconds,
                plan.Prediction.Slots),
            [.. plan.Partitions.Select(partition => new PartitionDocument(
                partition.Id,
                partition.Layer,
                [.. partition.Resources],
                partition.TestCount,
                partition.ExpectedDuration.TotalSeconds,
                ContainersNeeded(partition, config),
                [.. partition.PackedSets.Select(set => set.ToString())],
                [.. partition.Units.Select(unit => new UnitDocument(
                    unit.Id,
                    unit.ExpectedDuration.TotalSeconds,
                    unit.Sources,
                    unit.Filter,
                    [.. unit.Tests.Select(test => test.ToString())]))]))],
            plan.Exclusions.GroupBy(exclusion => exclusion.Reason).OrderBy(group => group.Key)
                .ToDictionary(group => group.Key.ToString(), group => group.Count(), StringComparer.Ordinal),
            [.. plan.Exclusions.Select(exclusion => new ExclusionDocument(exclusion.Test.ToString(), exclusion.Reason.ToString(), exclusion.Detail))])
        {
            Cache = cache ?? [],
            CacheOff = cacheOff,
        };
        return JsonSerializer.Serialize(document, PlanJsonContext.Default.PlanDocument);
    }

    private static string Resources(Partition partition) =>
        partition.PackedSets.Count == 0
            ? partition.Resources.ToString()
            : $"{partition.Resources} ({partition.PackedSets.Count.ToString(CultureInfo.InvariantCulture)} sets packed)";

    /// <summary>
    /// Containers the partition starts: one per shared container resource it uses, and one per unit of each
    /// dedicated one (each unit gets a server of its own).
    /// </summary>
    private static int ContainersNeeded(Partition partition, OrchestratorConfiguration config) =>
        ContainerResources(partition, config).Sum(resource => resource.Dedicated ? partition.Units.Count : 1);

    /// <summary>Containers the run starts: shared resources once, however many partitions use them; dedicated ones per unit.</summary>
    private static int TotalContainers(TestPlan plan, OrchestratorConfiguration config)
    {
        var used = plan.Partitions.SelectMany(partition => ContainerResources(partition, config).Select(resource => (partition, resource))).ToList();
        return used.Where(use => !use.resource.Dedicated).Select(use => use.resource.Name).Distinct(StringComparer.Ordinal).Count()
            + used.Where(use => use.resource.Dedicated).Sum(use => use.partition.Units.Count);
    }

    private static IEnumerable<(string Name, bool Dedicated)> ContainerResources(Partition partition, OrchestratorConfiguration config) =>
        partition.Resources
            .Select(name => (name, resource: config.Resources.GetValueOrDefault(name)))
            .Where(pair => pair.resource is not { IsContainer: false })
            .Select(pair => (pair.name, pair.resource?.Isolation.Mode == IsolationMode.Dedicated));

    private static string Describe(ExclusionReason reason) => reason switch
    {
        ExclusionReason.LayerNotInCadence => "layer not in cadence",
        ExclusionReason.ResourceNotAllowed => "resource not allowed",
        ExclusionReason.Quarantined => "quarantined",
        ExclusionReason.OtherShard => "in another shard",
        ExclusionReason.OutsideSelection => "outside the selection",
        ExclusionReason.Cached => "cached: passed with unchanged inputs",
        _ => reason.ToString(),
    };

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan duration) => duration.TotalSeconds < 60
        ? duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
        : $"{((int)duration.TotalMinutes).ToString(CultureInfo.InvariantCulture)} min {duration.Seconds.ToString("00", CultureInfo.InvariantCulture)} s";
}
