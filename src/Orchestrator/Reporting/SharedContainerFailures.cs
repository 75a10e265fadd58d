using Orchestrator.Results;
using Orchestrator.Results.Trx;

namespace Orchestrator.Reporting;

/// <summary>
/// Tests whose every failure happened while another unit used the same container at the same time. Every unit has
/// a namespace of its own, so these failures point at state shared outside the namespaces (a database created
/// with a fixed name, a server-wide setting, a global lock) rather than at a flaky test: the reports say so, and
/// that a <c>dedicated</c> resource, a container per unit, would keep them apart.
/// </summary>
internal static class SharedContainerFailures
{
    /// <summary>Failed and flaky tests whose failed attempts all overlapped another unit on one of their containers, in report order.</summary>
    public static IReadOnlyList<SharedContainerFailure> Of(MergedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var units = run.Record.Units.Where(unit => unit.Instances is { Count: > 0 }).ToList();
        var resourceOf = run.Record.Containers
            .GroupBy(container => container.InstanceName, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First().Resource, StringComparer.Ordinal);
        var found = new List<SharedContainerFailure>();
        foreach (var test in run.Tests.Where(test => test.Outcome is TestOutcome.Flaky or TestOutcome.Failed))
        {
            var failures = test.Attempts.Where(attempt => attempt.Result.Outcome.IsFailure()).ToList();
            if (failures.Count == 0)
            {
                continue;
            }
            var instances = new SortedSet<string>(StringComparer.Ordinal);
            var sharers = new SortedSet<string>(StringComparer.Ordinal);
            var everyFailureShared = true;
            foreach (var failure in failures)
            {
                var overlapping = units.Where(other => !ReferenceEquals(other, failure.Unit) && Overlap(other, failure.Unit))
                    .SelectMany(other => other.Instances.Intersect(failure.Unit.Instances, StringComparer.Ordinal).Select(instance => (Instance: instance, Other: other.UnitId)))
                    .ToList();
                if (overlapping.Count == 0)
                {
                    everyFailureShared = false;
                    break;
                }
                instances.UnionWith(overlapping.Select(pair => pair.Instance));
                sharers.UnionWith(overlapping.Select(pair => pair.Other));
            }
            if (everyFailureShared)
            {
                var names = instances.Select(InstanceName).Distinct(StringComparer.Ordinal).ToList();
                var resources = names.Select(instance => resourceOf.GetValueOrDefault(instance, instance)).Distinct(StringComparer.Ordinal).ToList();
                found.Add(new SharedContainerFailure(test, names, resources, [.. sharers]));
            }
        }
        return found;
    }

    /// <summary>The instance without the run id that qualifies it in <see cref="UnitRun.Instances"/>.</summary>
    private static string InstanceName(string qualified) => qualified[(qualified.IndexOf('/', StringComparison.Ordinal) + 1)..];

    private static bool Overlap(UnitRun left, UnitRun right) => left.StartedAt < right.FinishedAt && right.StartedAt < left.FinishedAt;
}
