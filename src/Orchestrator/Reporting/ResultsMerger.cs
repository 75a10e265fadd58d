using System.Security.Cryptography;
using System.Text;
using Orchestrator.Model;
using Orchestrator.Results;
using Orchestrator.Results.Trx;
using Orchestrator.Security;

namespace Orchestrator.Reporting;

/// <summary>
/// Merges the TRX results of a run's units into one outcome per test case: every attempt kept,
/// flaky told from failed, selected tests without a result reported as not run with their unit's cause.
/// Pure: the TRX files are read by the caller.
/// </summary>
public static class ResultsMerger
{
    /// <param name="record">The run.</param>
    /// <param name="trxPerUnit">The TRX read for each of <c>record.Units</c> (same order), null when the unit wrote none or it was unreadable.</param>
    /// <param name="layerOrder">Configured layers, in report order; other layers follow in name order.</param>
    /// <param name="quarantine">Cadence quarantine patterns.</param>
    /// <param name="flakyFailsBuild">Whether a flaky test fails the build.</param>
    /// <param name="redactor">Removes secrets from every text that reaches a report.</param>
    /// <param name="warnings">Problems the caller met (e.g. unreadable TRX files), carried into the reports.</param>
    public static MergedRun Merge(
        RunRecord record,
        IReadOnlyList<TrxRun?> trxPerUnit,
        IReadOnlyList<string> layerOrder,
        QuarantineMatcher quarantine,
        bool flakyFailsBuild,
        SecretRedactor redactor,
        IReadOnlyList<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(trxPerUnit);
        ArgumentNullException.ThrowIfNull(layerOrder);
        ArgumentNullException.ThrowIfNull(quarantine);
        ArgumentNullException.ThrowIfNull(redactor);
        if (trxPerUnit.Count != record.Units.Count)
        {
            throw new ArgumentException($"Expected one TRX entry per unit ({record.Units.Count}), got {trxPerUnit.Count}.", nameof(trxPerUnit));
        }

        var redacted = RedactRecord(record, redactor);
        var cases = new Dictionary<CaseIdentity, CaseBuilder>();
        var casesByKey = new Dictionary<(string Layer, string Key), List<CaseBuilder>>();
        var resultSeen = new HashSet<(int Repetition, string Key)>();

        for (var index = 0; index < redacted.Units.Count; index++)
        {
            var unit = redacted.Units[index];
            var trx = trxPerUnit[index];
            if (trx is null)
            {
                continue;
            }
            var expected = ExpectedByNormalKey(unit);
            foreach (var raw in trx.Results)
            {
                var normal = NormalKey(raw.Key);
                var key = expected.TryGetValue(normal, out var expectedKey) ? expectedKey : raw.Key;
                var result = Redact(raw, key, redactor);
                var identity = new CaseIdentity(unit.Layer, key, result.DisplayName);
                if (!cases.TryGetValue(identity, out var builder))
                {
                    builder = new CaseBuilder(identity, unit.PartitionId);
                    cases.Add(identity, builder);
                    AddByKey(casesByKey, unit.Layer, normal, builder);
                }
                builder.Attempts.Add(new TestAttempt(unit, result));
                resultSeen.Add((unit.Repetition, normal));
            }
        }

        // A selected test without any result in its repetition is not run; the last unit that was asked to run it says why.
        var notRun = new Dictionary<(int Repetition, string Key), (UnitRun Unit, TestKey Key)>();
        foreach (var unit in redacted.Units.OrderBy(unit => unit.Attempt).ThenBy(unit => unit.StartedAt))
        {
            foreach (var key in unit.ExpectedTests)
            {
                var normal = NormalKey(key);
                if (!resultSeen.Contains((unit.Repetition, normal)))
                {
                    notRun[(unit.Repetition, normal)] = (unit, key);
                }
            }
        }
        foreach (var ((_, normal), (unit, key)) in notRun)
        {
            var reason = redactor.Redact(NotRunReasons.For(unit));
            if (!casesByKey.TryGetValue((unit.Layer, normal), out var known))
            {
                var identity = new CaseIdentity(unit.Layer, key, redactor.Redact(key.FullyQualifiedName));
                var builder = new CaseBuilder(identity, unit.PartitionId);
                cases.Add(identity, builder);
                known = AddByKey(casesByKey, unit.Layer, normal, builder);
            }
            foreach (var builder in known)
            {
                builder.NotRun.Add(new NotRunOccurrence(unit, reason));
            }
        }

        var layers = new List<LayerResults>();
        var allTests = new List<MergedTest>(cases.Count);
        foreach (var layerGroup in cases.Values.GroupBy(builder => builder.Identity.Layer, StringComparer.Ordinal)
                     .OrderBy(group => LayerRank(layerOrder, group.Key)).ThenBy(group => group.Key, StringComparer.Ordinal))
        {
            var usedIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var tests = layerGroup
                .OrderBy(builder => builder.Identity.Key, TestKey.Ordinal)
                .ThenBy(builder => builder.Identity.DisplayName, StringComparer.Ordinal)
                .Select(builder => builder.Build(usedIds, quarantine))
                .ToList();
            allTests.AddRange(tests);
            var units = redacted.Units.Where(unit => unit.Layer == layerGroup.Key).ToList();
            layers.Add(new LayerResults(layerGroup.Key, tests, units, RunVerdict.From(tests, redacted.Incomplete, flakyFailsBuild)));
        }

        var verdict = RunVerdict.From(allTests, redacted.Incomplete, flakyFailsBuild);
        return new MergedRun(redacted, layers, verdict, [.. (warnings ?? []).Select(redactor.Redact)]);
    }

    /// <summary>Assembly case-insensitively, name without a parameter list: how a result finds the key it was scheduled under.</summary>
    internal static string NormalKey(TestKey key)
    {
        var name = key.FullyQualifiedName;
        var parenthesis = name.IndexOf('(', StringComparison.Ordinal);
        if (parenthesis > 0)
        {
            name = name[..parenthesis];
        }
        return key.Assembly.ToUpperInvariant() + ":" + name;
    }

    private static Dictionary<string, TestKey> ExpectedByNormalKey(UnitRun unit)
    {
        var expected = new Dictionary<string, TestKey>(unit.ExpectedTests.Count, StringComparer.Ordinal);
        foreach (var key in unit.ExpectedTests)
        {
            expected.TryAdd(NormalKey(key), key);
        }
        return expected;
    }

    private static List<CaseBuilder> AddByKey(Dictionary<(string, string), List<CaseBuilder>> casesByKey, string layer, string normal, CaseBuilder builder)
    {
        if (!casesByKey.TryGetValue((layer, normal), out var list))
        {
            list = [];
            casesByKey.Add((layer, normal), list);
        }
        list.Add(builder);
        return list;
    }

    private static int LayerRank(IReadOnlyList<string> order, string layer)
    {
        for (var index = 0; index < order.Count; index++)
        {
            if (string.Equals(order[index], layer, StringComparison.OrdinalIgnoreCase))
            {
                return index;
            }
        }
        return int.MaxValue;
    }

    private static RunRecord RedactRecord(RunRecord record, SecretRedactor redactor) => record with
    {
        Units = [.. record.Units.Select(unit => unit.ExitDetail is null ? unit : unit with { ExitDetail = redactor.Redact(unit.ExitDetail) })],
    };

    private static TrxTestResult Redact(TrxTestResult result, TestKey key, SecretRedactor redactor) => result with
    {
        Key = key,
        DisplayName = redactor.Redact(result.DisplayName),
        ErrorMessage = result.ErrorMessage is null ? null : redactor.Redact(result.ErrorMessage),
        StackTrace = result.StackTrace is null ? null : redactor.Redact(result.StackTrace),
        StdOut = result.StdOut is null ? null : redactor.Redact(result.StdOut),
        StdErr = result.StdErr is null ? null : redactor.Redact(result.StdErr),
        Definition = result.Definition with { Name = redactor.Redact(result.Definition.Name) },
    };

    private readonly record struct CaseIdentity(string Layer, TestKey Key, string DisplayName);

    private sealed class CaseBuilder(CaseIdentity identity, string partitionId)
    {
        public CaseIdentity Identity { get; } = identity;

        public List<TestAttempt> Attempts { get; } = [];

        public List<NotRunOccurrence> NotRun { get; } = [];

        public MergedTest Build(HashSet<string> usedIds, QuarantineMatcher quarantine)
        {
            var attempts = Attempts
                .OrderBy(attempt => attempt.Unit.Repetition)
                .ThenBy(attempt => attempt.Unit.Attempt)
                .ThenBy(attempt => attempt.Result.StartTime ?? attempt.Unit.StartedAt)
                .ToList();
            var repetitions = attempts.Select(attempt => attempt.Unit.Repetition)
                .Concat(NotRun.Select(occurrence => occurrence.Unit.Repetition))
                .Distinct()
                .Order()
                .ToList();
            var perRepetition = repetitions
                .Select(repetition => RepetitionOutcome(
                    attempts.Where(attempt => attempt.Unit.Repetition == repetition).ToList(),
                    NotRun.Any(occurrence => occurrence.Unit.Repetition == repetition)))
                .ToList();

            return new MergedTest(
                Identity.Layer,
                partitionId,
                Identity.Key,
                Identity.DisplayName,
                UniqueId(usedIds),
                Combine(perRepetition),
                quarantine.IsQuarantined(Identity.Key),
                attempts,
                [.. NotRun.OrderBy(occurrence => occurrence.Unit.Repetition)],
                perRepetition);
        }

        private string UniqueId(HashSet<string> usedIds)
        {
            var original = Attempts.Select(attempt => attempt.Result.TestId).FirstOrDefault(id => !string.IsNullOrEmpty(id));
            if (original is not null && usedIds.Add(original))
            {
                return original;
            }
            // Two different cases under one id (units of different assemblies, hand-made files): derive a stable one.
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Identity.Layer}|{Identity.Key}|{Identity.DisplayName}"));
            var id = new Guid(hash.AsSpan(0, 16)).ToString();
            usedIds.Add(id);
            return id;
        }

        private static TestOutcome RepetitionOutcome(List<TestAttempt> attempts, bool notRun)
        {
            if (attempts.Count == 0)
            {
                return notRun ? TestOutcome.NotRun : TestOutcome.Skipped;
            }
            var byAttempt = attempts.GroupBy(attempt => attempt.Unit.Attempt).OrderBy(group => group.Key)
                .Select(group => AttemptOutcome(group.Select(attempt => attempt.Result.Outcome)))
                .ToList();
            var last = byAttempt[^1];
            return last == TestOutcome.Passed && byAttempt.Contains(TestOutcome.Failed) ? TestOutcome.Flaky : last;
        }

        private static TestOutcome AttemptOutcome(IEnumerable<TrxOutcome> outcomes)
        {
            var list = outcomes.ToList();
            if (list.Exists(outcome => outcome.IsFailure()))
            {
                return TestOutcome.Failed;
            }
            return list.Exists(outcome => outcome.IsPassed()) ? TestOutcome.Passed : TestOutcome.Skipped;
        }

        private static TestOutcome Combine(List<TestOutcome> perRepetition)
        {
            if (perRepetition.Contains(TestOutcome.NotRun))
            {
                return TestOutcome.NotRun;
            }
            if (perRepetition.TrueForAll(outcome => outcome == TestOutcome.Skipped))
            {
                return TestOutcome.Skipped;
            }
            if (perRepetition.TrueForAll(outcome => outcome is TestOutcome.Passed or TestOutcome.Skipped))
            {
                return TestOutcome.Passed;
            }
            return perRepetition.Exists(outcome => outcome is TestOutcome.Passed or TestOutcome.Flaky) ? TestOutcome.Flaky : TestOutcome.Failed;
        }
    }
}
