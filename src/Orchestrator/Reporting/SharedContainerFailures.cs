using Orchestrator.Results;
using Orchestrator.Results.Trx;

namespace Orchestrator.Reporting;

/// <summary>
/// Tests that failed because another unit shared their container: every failure happened while another unit used the
/// same container at the same time, and there is evidence that the sharing caused it: the test passed on an attempt
/// that had its container to itself (a re-run gets a container of its own), or a failure carries an error only another
/// session on the server can cause (<see cref="CrossNamespaceErrors"/>). Overlap in time alone is no evidence: a
/// suite's own serialization failures overlap other units too. These are isolation problems, not flaky tests: the
/// reports and the console say so, and that a <c>dedicated</c> resource, a container per unit, keeps them apart.
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
                var overlapping = Sharing(failure.Unit, units);
                if (overlapping.Count == 0)
                {
                    everyFailureShared = false;
                    break;
                }
                instances.UnionWith(overlapping.Select(pair => pair.Instance));
                sharers.UnionWith(overlapping.Select(pair => pair.Other));
            }
            var evidence = everyFailureShared ? Evidence(test, failures, units) : null;
            if (evidence is not null)
            {
                var names = instances.Select(InstanceName).Distinct(StringComparer.Ordinal).ToList();
                var resources = names.Select(instance => resourceOf.GetValueOrDefault(instance, instance)).Distinct(StringComparer.Ordinal).ToList();
                found.Add(new SharedContainerFailure(test, names, resources, [.. sharers], evidence));
            }
        }
        return found;
    }

    /// <summary>Why the sharing is the cause: a pass with the container to itself, or an error only another session causes; null for none.</summary>
    private static string? Evidence(MergedTest test, List<TestAttempt> failures, List<UnitRun> units)
    {
        var passedAlone = test.Attempts.FirstOrDefault(attempt => attempt.Result.Outcome.IsPassed() && Sharing(attempt.Unit, units).Count == 0);
        if (passedAlone is not null)
        {
            return $"it passed in {passedAlone.Unit.UnitId}, which had its container to itself";
        }
        return failures.Select(failure => CrossNamespaceErrors.In(failure.Result.ErrorMessage)).FirstOrDefault(error => error is not null) is { } error
            ? $"its failure shows that {error}"
            : null;
    }

    /// <summary>Each instance of <paramref name="unit"/> another unit used while it ran, with that unit.</summary>
    private static List<(string Instance, string Other)> Sharing(UnitRun unit, List<UnitRun> units) =>
        [.. units.Where(other => !ReferenceEquals(other, unit) && Overlap(other, unit))
            .SelectMany(other => other.Instances.Intersect(unit.Instances, StringComparer.Ordinal).Select(instance => (instance, other.UnitId)))];

    /// <summary>The instance without the run id that qualifies it in <see cref="UnitRun.Instances"/>.</summary>
    private static string InstanceName(string qualified) => qualified[(qualified.IndexOf('/', StringComparison.Ordinal) + 1)..];

    private static bool Overlap(UnitRun left, UnitRun right) => left.StartedAt < right.FinishedAt && right.StartedAt < left.FinishedAt;
}
