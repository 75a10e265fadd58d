using System.Globalization;
using Orchestrator.Model;
using Orchestrator.Results;

namespace Orchestrator.Reporting;

/// <summary>
/// Checks that the runs a merge combines are the shards of one split and cover its selection exactly once: one
/// fingerprint, every shard once, no test in two shards, none in no shard. Anything else is an error that names the
/// shards and tests, so a merge of shards is never green with tests missing or counted twice; a missing shard that held
/// no selected test is only a warning.
/// </summary>
internal static class ShardCoverage
{
    private const int NamesShown = 10;

    public static IReadOnlyList<RunProblem> Check(IReadOnlyList<RunRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var sharded = records.Where(record => record.Shard is not null).ToList();
        if (sharded.Count == 0)
        {
            return [];
        }
        var problems = new List<RunProblem>();
        if (sharded.Count != records.Count)
        {
            problems.Add(Error("merge",
                $"Runs {Names(records.Where(record => record.Shard is null).Select(record => record.RunId))} ran no shard, runs {Names(sharded.Select(record => record.RunId))} ran shards: " +
                "merge the shards of one split, or whole runs, not both."));
        }
        var splits = sharded.GroupBy(record => record.Shard!.Fingerprint, StringComparer.Ordinal).ToList();
        if (splits.Count > 1)
        {
            problems.Add(Error("shards",
                $"The shards come from {splits.Count} different splits ({string.Join("; ", splits.Select(split => $"{split.Key}: shard {Names(split.Select(record => record.Shard!.ToString()))}"))}), " +
                "so together they may miss tests or run some twice. Every agent must plan from the same build output, configuration and timings: pass all of them the same --timings file (e.g. restored from the CI cache), or none."));
            return problems;
        }
        var count = sharded[0].Shard!.Count;
        var selection = sharded[0].Shard!.Selection;
        var byIndex = sharded.GroupBy(record => record.Shard!.Index).ToDictionary(group => group.Key, group => group.ToList());
        foreach (var (index, runs) in byIndex.Where(pair => pair.Value.Count > 1).OrderBy(pair => pair.Key))
        {
            problems.Add(Error($"shard {index}/{count}", $"Its results were given {runs.Count} times (runs {Names(runs.Select(run => run.RunId))}): pass each shard's results to merge once."));
        }

        var shardsOfTest = new Dictionary<TestKey, SortedSet<int>>();
        foreach (var (index, runs) in byIndex)
        {
            foreach (var unit in runs[0].Units.Where(unit => unit.Attempt == 0 && unit.Repetition == 0))
            {
                foreach (var test in unit.ExpectedTests)
                {
                    if (!shardsOfTest.TryGetValue(test, out var shards))
                    {
                        shards = [];
                        shardsOfTest.Add(test, shards);
                    }
                    shards.Add(index);
                }
            }
        }
        var twice = shardsOfTest.Where(pair => pair.Value.Count > 1).OrderBy(pair => pair.Key, TestKey.Ordinal).ToList();
        if (twice.Count > 0)
        {
            problems.Add(Error("shards", $"{twice.Count} test(s) ran in more than one shard: {Names(twice.Select(pair => $"{pair.Key} (shards {string.Join(", ", pair.Value)})"))}."));
        }
        var missingShards = Enumerable.Range(1, count).Where(index => !byIndex.ContainsKey(index)).ToList();
        var uncovered = selection.Where(test => !shardsOfTest.ContainsKey(test)).ToList();
        var missingSubject = $"shard {string.Join(", ", missingShards.Select(index => $"{index}/{count}"))}";
        if (missingShards.Count > 0 && uncovered.Count == 0)
        {
            // An empty shard (the split gave it no unit) loses nothing when its results are left out.
            problems.Add(new RunProblem(ProblemSeverity.Warning, missingSubject,
                "No results of it were given to merge, but the other shards ran every selected test, so the split gave it none; nothing is missing."));
        }
        else if (missingShards.Count > 0)
        {
            problems.Add(Error(missingSubject,
                $"Missing: no results of it were given to merge, so {uncovered.Count} selected test(s) have none: {Names(uncovered.Select(test => test.ToString()))}. " +
                "Pass the results of every shard, or re-run the missing one."));
        }
        else if (uncovered.Count > 0)
        {
            problems.Add(Error("shards", $"{uncovered.Count} selected test(s) ran in no shard: {Names(uncovered.Select(test => test.ToString()))}."));
        }
        var selected = selection.ToHashSet();
        var extra = shardsOfTest.Keys.Where(test => !selected.Contains(test)).Order(TestKey.Ordinal).ToList();
        if (extra.Count > 0)
        {
            problems.Add(Error("shards", $"{extra.Count} test(s) ran that the split did not select: {Names(extra.Select(test => test.ToString()))}."));
        }
        return problems;
    }

    private static RunProblem Error(string subject, string message) => new(ProblemSeverity.Error, subject, message);

    private static string Names(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count <= NamesShown
            ? string.Join(", ", list)
            : string.Join(", ", list.Take(NamesShown)) + string.Create(CultureInfo.InvariantCulture, $" and {list.Count - NamesShown} more");
    }
}
