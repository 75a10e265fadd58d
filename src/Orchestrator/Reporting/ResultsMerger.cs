using System.Security.Cryptography;
using System.Text;
using Orchestrator.Execution;
using Orchestrator.Model;
using Orchestrator.Results;
using Orchestrator.Results.Trx;
using Orchestrator.Security;

namespace Orchestrator.Reporting;

/// <summary>
/// Merges the typed results of a run's units into one outcome per test case: every attempt kept,
/// flaky told from failed, selected tests without a result reported as not run with their unit's cause.
/// Pure: the results were read (and redacted) once, when each unit ended.
/// </summary>
internal static class ResultsMerger
{
    /// <param name="record">The run, each unit with its <see cref="UnitRun.Results"/>.</param>
    /// <param name="layerOrder">Configured layers, in report order; other layers follow in name order.</param>
    /// <param name="quarantine">Cadence quarantine patterns.</param>
    /// <param name="flakyFailsBuild">Whether a flaky test fails the build.</param>
    /// <param name="redactor">Removes secrets from the record's own texts (exit details, problems) and the warnings.</param>
    /// <param name="warnings">Problems the caller met (e.g. unreadable results files), carried into the reports.</param>
    public static MergedRun Merge(
        RunRecord record,
        IReadOnlyList<string> layerOrder,
        QuarantineMatcher quarantine,
        bool flakyFailsBuild,
        SecretRedactor redactor,
        IReadOnlyList<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(layerOrder);
        ArgumentNullException.ThrowIfNull(quarantine);
        ArgumentNullException.ThrowIfNull(redactor);

        var redacted = RedactRecord(record, redactor);
        var results = 0;
        foreach (var unit in record.Units)
        {
            results += unit.Results.Count;
        }
        var cases = new Dictionary<CaseIdentity, CaseBuilder>(results);
        var casesByKey = new Dictionary<(string Layer, ScheduleKey Key), List<CaseBuilder>>(results);
        var resultSeen = new HashSet<(int Repetition, ScheduleKey Key)>(results);
        // Results matched to a discovered case by its id, and the cases each such id stands for.
        var rowSeen = new HashSet<(int Repetition, (string, string) Row)>(results);
        var keysMatchedById = new HashSet<(int Repetition, ScheduleKey Key)>();
        var casesByRow = new Dictionary<(string Layer, (string, string) Row), List<CaseBuilder>>();
        var scheduleKeys = new ScheduleKeys();

        for (var index = 0; index < redacted.Units.Count; index++)
        {
            var unit = redacted.Units[index];
            if (unit.Results.Count == 0)
            {
                continue;
            }
            var expected = ExpectedByScheduleKey(unit, scheduleKeys);
            var rows = new PlannedRows(unit.ExpectedRows);
            foreach (var raw in unit.Results)
            {
                // The case's identity first (its id and its key's assembly with the framework), whatever its name became.
                var row = raw.TestId.Length > 0 && rows.TryGet(raw.Key.Assembly, raw.TestId, out var planned) ? planned : null;
                var rowIdentity = row is null ? default : PlannedRows.Identity(row.Test.Assembly, row.Id);
                if ((row?.Test ?? ScheduledKey(raw, expected, scheduleKeys.Normal(raw.Key), scheduleKeys)) is not { } key)
                {
                    continue;
                }
                var accounted = AccountingKey(key, scheduleKeys);
                var result = Scheduled(raw, key);
                var identity = new CaseIdentity(unit.Layer, key, result.TestId, result.DisplayName);
                if (!cases.TryGetValue(identity, out var builder))
                {
                    builder = new CaseBuilder(identity, unit.PartitionId);
                    cases.Add(identity, builder);
                    AddByKey(casesByKey, (unit.Layer, accounted), builder);
                    if (row is not null)
                    {
                        AddByKey(casesByRow, (unit.Layer, rowIdentity), builder);
                    }
                }
                builder.Attempts.Add(new TestAttempt(unit, result));
                resultSeen.Add((unit.Repetition, accounted));
                if (row is not null)
                {
                    rowSeen.Add((unit.Repetition, rowIdentity));
                    keysMatchedById.Add((unit.Repetition, accounted));
                }
            }
        }

        // A selected test without any result in its repetition is not run; the last unit that was asked to run it says why.
        // A test whose cases discovery listed with ids is reported case by case: each row without a result on its own.
        var notRun = new Dictionary<(int Repetition, ScheduleKey Key), (UnitRun Unit, TestKey Key)>();
        var rowsNotRun = new Dictionary<(int Repetition, (string, string) Row), (UnitRun Unit, TestCaseRow Row)>();
        foreach (var unit in redacted.Units.OrderBy(unit => unit.Attempt).ThenBy(unit => unit.StartedAt))
        {
            var keysWithRows = new HashSet<ScheduleKey>();
            foreach (var row in unit.ExpectedRows)
            {
                var accounted = AccountingKey(row.Test, scheduleKeys);
                keysWithRows.Add(accounted);
                var rowIdentity = PlannedRows.Identity(row.Test.Assembly, row.Id);
                // Rows of a test some of whose results bore no discovered id (a platform that ids cases differently at run time) are counted by the test.
                var countedByRow = !resultSeen.Contains((unit.Repetition, accounted)) || keysMatchedById.Contains((unit.Repetition, accounted));
                if (countedByRow && !rowSeen.Contains((unit.Repetition, rowIdentity)))
                {
                    rowsNotRun[(unit.Repetition, rowIdentity)] = (unit, row);
                }
            }
            foreach (var key in unit.ExpectedTests)
            {
                var accounted = AccountingKey(key, scheduleKeys);
                if (!keysWithRows.Contains(accounted) && !resultSeen.Contains((unit.Repetition, accounted)))
                {
                    notRun[(unit.Repetition, accounted)] = (unit, key);
                }
            }
        }
        foreach (var ((_, rowIdentity), (unit, row)) in rowsNotRun)
        {
            var reason = redactor.Redact(NotRunReasons.For(unit));
            if (!casesByRow.TryGetValue((unit.Layer, rowIdentity), out var known))
            {
                var displayName = TestAssemblyName.Qualified(redactor.Redact(QualifiedName.Of(row.DisplayName, row.Test.FullyQualifiedName)), row.Test);
                var identity = new CaseIdentity(unit.Layer, row.Test, row.Id, displayName);
                if (!cases.TryGetValue(identity, out var builder))
                {
                    builder = new CaseBuilder(identity, unit.PartitionId);
                    cases.Add(identity, builder);
                }
                known = AddByKey(casesByRow, (unit.Layer, rowIdentity), builder);
            }
            foreach (var builder in known)
            {
                builder.NotRun.Add(new NotRunOccurrence(unit, reason));
            }
        }
        foreach (var ((_, accounted), (unit, key)) in notRun)
        {
            var reason = redactor.Redact(NotRunReasons.For(unit));
            if (!casesByKey.TryGetValue((unit.Layer, accounted), out var known))
            {
                var identity = new CaseIdentity(unit.Layer, key, string.Empty, TestAssemblyName.Qualified(redactor.Redact(key.FullyQualifiedName), key));
                var builder = new CaseBuilder(identity, unit.PartitionId);
                cases.Add(identity, builder);
                known = AddByKey(casesByKey, (unit.Layer, accounted), builder);
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
            var builders = layerGroup.ToList();
            // Layer, key, case id and display name identify a case, so they order a layer's cases totally.
            builders.Sort(static (left, right) =>
            {
                var byKey = TestKey.Ordinal.Compare(left.Identity.Key, right.Identity.Key);
                if (byKey != 0)
                {
                    return byKey;
                }
                var byName = string.CompareOrdinal(left.Identity.DisplayName, right.Identity.DisplayName);
                return byName != 0 ? byName : string.CompareOrdinal(left.Identity.CaseId, right.Identity.CaseId);
            });
            var tests = new List<MergedTest>(builders.Count);
            foreach (var builder in builders)
            {
                tests.Add(builder.Build(usedIds, quarantine));
            }
            allTests.AddRange(tests);
            var units = redacted.Units.Where(unit => unit.Layer == layerGroup.Key).ToList();
            layers.Add(new LayerResults(layerGroup.Key, tests, units, RunVerdict.From(tests, redacted.Incomplete, flakyFailsBuild)));
        }

        var verdict = RunVerdict.From(allTests, redacted.Incomplete, flakyFailsBuild) with
        {
            Problems = redacted.Problems.Count(problem => problem.IsError),
        };
        var merged = new MergedRun(redacted, layers, verdict, [.. (warnings ?? []).Select(redactor.Redact)]);
        merged = merged with { SharedFailures = SharedContainerFailures.Of(merged) };
        return merged with
        {
            Layers = [.. layers.Select(layer => layer with { Verdict = layer.Verdict with { IsolationProblems = layer.Tests.Count(merged.IsIsolationProblem) } })],
            Verdict = verdict with { IsolationProblems = allTests.Count(merged.IsIsolationProblem) },
        };
    }

    private static Dictionary<ScheduleKey, TestKey> ExpectedByScheduleKey(UnitRun unit, ScheduleKeys scheduleKeys)
    {
        var expected = new Dictionary<ScheduleKey, TestKey>(unit.ExpectedTests.Count * 2);
        foreach (var key in unit.ExpectedTests)
        {
            expected.TryAdd(scheduleKeys.Normal(key), key);
            expected.TryAdd(scheduleKeys.Exact(key.Assembly, key.FullyQualifiedName), key);
        }
        return expected;
    }

    /// <summary>
    /// The key the test was scheduled under: exactly as the adapter names the case (NUnit keeps arguments in
    /// the name: <c>Rows(1)</c>), else by method (xunit and MSTest rows share the method's name), else as read.
    /// Null for an NUnit case of a method whose other cases this unit was asked for: a unit selects cases the
    /// adapter's filter parser cannot read by their method (see <see cref="Planning.VsTestFilter.ForNames"/>), and
    /// the cases it was not asked for belong to another unit, which counts them.
    /// </summary>
    private static TestKey? ScheduledKey(TestCaseResult result, Dictionary<ScheduleKey, TestKey> expected, ScheduleKey normal, ScheduleKeys scheduleKeys)
    {
        var definition = result.Definition;
        var isCase = definition.ClassName.Length > 0 && definition.MethodName.Contains('(', StringComparison.Ordinal);
        if (isCase && expected.TryGetValue(scheduleKeys.Exact(result.Key.Assembly, definition.ClassName + "." + definition.MethodName), out var exact))
        {
            return exact;
        }
        if (!expected.TryGetValue(normal, out var byMethod))
        {
            return result.Key;
        }
        return isCase && byMethod.FullyQualifiedName.Contains('(', StringComparison.Ordinal) ? null : byMethod;
    }

    /// <summary>
    /// What results are counted against: a key with its arguments (an NUnit test case, scheduled one by one) exactly,
    /// so that each row without a result is reported as not run on its own; otherwise the method, whose rows
    /// (xunit and MSTest data rows) are scheduled and accounted together.
    /// </summary>
    private static ScheduleKey AccountingKey(TestKey key, ScheduleKeys scheduleKeys) =>
        key.FullyQualifiedName.Contains('(', StringComparison.Ordinal)
            ? scheduleKeys.Exact(key.Assembly, key.FullyQualifiedName)
            : scheduleKeys.Normal(key);

    private static List<CaseBuilder> AddByKey<TKey>(Dictionary<TKey, List<CaseBuilder>> casesByKey, TKey key, CaseBuilder builder)
        where TKey : notnull
    {
        if (!casesByKey.TryGetValue(key, out var list))
        {
            list = [];
            casesByKey.Add(key, list);
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
        Problems = [.. record.Problems.Select(problem => problem with { Subject = redactor.Redact(problem.Subject), Message = redactor.Redact(problem.Message) })],
    };

    /// <summary>The result under its scheduled key and with the name reports show; the same instance when neither changes anything.</summary>
    private static TestCaseResult Scheduled(TestCaseResult result, TestKey key)
    {
        var displayName = TestAssemblyName.Qualified(QualifiedName.Of(result.DisplayName, FullyQualifiedNameOf(result)), key);
        return key == result.Key && ReferenceEquals(displayName, result.DisplayName)
            ? result
            : result with { Key = key, DisplayName = displayName };
    }

    /// <summary>
    /// A test case: the id its platform gave it (the TRX <c>testId</c>, the same in every attempt), with the display
    /// name for results one case reports several times (a theory whose rows are not enumerated at discovery).
    /// Rows whose display names coincide (<c>InlineData(3)</c> and <c>InlineData(3L)</c>) stay apart by their ids.
    /// </summary>
    /// <summary>The case's fully qualified name as its TRX definition gives it (NUnit keeps arguments in the method name).</summary>
    private static string FullyQualifiedNameOf(TestCaseResult result) =>
        result.Definition.ClassName.Length > 0 ? result.Definition.ClassName + "." + result.Definition.MethodName : result.Key.FullyQualifiedName;

    private readonly record struct CaseIdentity(string Layer, TestKey Key, string CaseId, string DisplayName);

    private sealed class CaseBuilder(CaseIdentity identity, string partitionId)
    {
        public CaseIdentity Identity { get; } = identity;

        public List<TestAttempt> Attempts { get; } = [];

        public List<NotRunOccurrence> NotRun { get; } = [];

        public MergedTest Build(HashSet<string> usedIds, QuarantineMatcher quarantine)
        {
            // Arrays rather than lists: every test's merged result stays alive until the reports are written.
            var attempts = Attempts.Count < 2
                ? Attempts.ToArray()
                : Attempts
                    .OrderBy(attempt => attempt.Unit.Repetition)
                    .ThenBy(attempt => attempt.Unit.Attempt)
                    .ThenBy(attempt => attempt.Result.StartTime ?? attempt.Unit.StartedAt)
                    .ToArray();
            var repetitions = Repetitions(attempts);
            var perRepetition = new TestOutcome[repetitions.Count];
            for (var index = 0; index < repetitions.Count; index++)
            {
                perRepetition[index] = RepetitionOutcome(attempts, repetitions[index], NotRunIn(repetitions[index]));
            }

            return new MergedTest(
                Identity.Layer,
                partitionId,
                Identity.Key,
                Identity.DisplayName,
                UniqueId(usedIds),
                Combine(perRepetition),
                quarantine.IsQuarantined(Identity.Key),
                attempts,
                NotRun.Count < 2 ? NotRun.ToArray() : NotRun.OrderBy(occurrence => occurrence.Unit.Repetition).ToArray(),
                perRepetition);
        }

        private bool NotRunIn(int repetition)
        {
            foreach (var occurrence in NotRun)
            {
                if (occurrence.Unit.Repetition == repetition)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>Every repetition with an attempt or a not-run occurrence, in order.</summary>
        private List<int> Repetitions(TestAttempt[] attempts)
        {
            if (attempts.Length == 1 && NotRun.Count == 0)
            {
                return [attempts[0].Unit.Repetition];
            }
            var repetitions = new List<int>(1);
            foreach (var attempt in attempts)
            {
                AddRepetition(repetitions, attempt.Unit.Repetition);
            }
            foreach (var occurrence in NotRun)
            {
                AddRepetition(repetitions, occurrence.Unit.Repetition);
            }
            repetitions.Sort();
            return repetitions;
        }

        private static void AddRepetition(List<int> repetitions, int repetition)
        {
            if (!repetitions.Contains(repetition))
            {
                repetitions.Add(repetition);
            }
        }

        private string UniqueId(HashSet<string> usedIds)
        {
            string? original = null;
            foreach (var attempt in Attempts)
            {
                if (!string.IsNullOrEmpty(attempt.Result.TestId))
                {
                    original = attempt.Result.TestId;
                    break;
                }
            }
            if (original is not null && usedIds.Add(original))
            {
                return original;
            }
            // Two different cases under one id (units of different assemblies, hand-made files): derive a stable one.
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Identity.Layer}|{Identity.Key}|{Identity.CaseId}|{Identity.DisplayName}"));
            var id = new Guid(hash.AsSpan(0, 16)).ToString();
            usedIds.Add(id);
            return id;
        }

        /// <summary>
        /// The outcome of one repetition: its last attempt's, except that a pass after a failure is flaky.
        /// <paramref name="attempts"/> are ordered by repetition and attempt, so each attempt's results are adjacent.
        /// </summary>
        private static TestOutcome RepetitionOutcome(TestAttempt[] attempts, int repetition, bool notRun)
        {
            TestOutcome? last = null;
            var failedBefore = false;
            var index = 0;
            while (index < attempts.Length)
            {
                if (attempts[index].Unit.Repetition != repetition)
                {
                    index++;
                    continue;
                }
                var attemptNumber = attempts[index].Unit.Attempt;
                var failure = false;
                var passed = false;
                for (; index < attempts.Length && attempts[index].Unit.Repetition == repetition && attempts[index].Unit.Attempt == attemptNumber; index++)
                {
                    var outcome = attempts[index].Result.Outcome;
                    failure |= outcome.IsFailure();
                    passed |= outcome.IsPassed();
                }
                last = failure ? TestOutcome.Failed : passed ? TestOutcome.Passed : TestOutcome.Skipped;
                failedBefore |= failure;
            }
            return last switch
            {
                null => notRun ? TestOutcome.NotRun : TestOutcome.Skipped,
                TestOutcome.Passed when failedBefore => TestOutcome.Flaky,
                _ => last.Value,
            };
        }

        private static TestOutcome Combine(TestOutcome[] perRepetition)
        {
            if (Array.IndexOf(perRepetition, TestOutcome.NotRun) >= 0)
            {
                return TestOutcome.NotRun;
            }
            if (Array.TrueForAll(perRepetition, outcome => outcome == TestOutcome.Skipped))
            {
                return TestOutcome.Skipped;
            }
            if (Array.TrueForAll(perRepetition, outcome => outcome is TestOutcome.Passed or TestOutcome.Skipped))
            {
                return TestOutcome.Passed;
            }
            return Array.Exists(perRepetition, outcome => outcome is TestOutcome.Passed or TestOutcome.Flaky) ? TestOutcome.Flaky : TestOutcome.Failed;
        }
    }
}
