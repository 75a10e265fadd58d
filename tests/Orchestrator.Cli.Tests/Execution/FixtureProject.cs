using System.Diagnostics;
using Orchestrator.Fixtures;
using Orchestrator.Model;
using Orchestrator.Planning;

namespace Orchestrator.Cli.Tests.Execution;

/// <summary>
/// The fixture project tests/Fixtures/Fixture.Tests, built by the main build, whose tests pass, fail, crash the
/// host, hang, flake and take their time: the real behaviours execution must handle. Units run its built
/// assembly in place (a run writes only into its own results directory).
/// </summary>
public sealed class FixtureProject
{
    public const string AssemblyName = "Fixture.Tests";
    public const string ClassName = "Fixture.Behaviours";

    public string AssemblyPath { get; } = PrebuiltFixture.Assembly(AssemblyName);

    public static TestKey Test(string method) => new(AssemblyName, $"{ClassName}.{method}");

    public ExecutionUnit Unit(string id, string partitionId, TimeSpan expected, ResourceSet resources, params string[] methods)
    {
        var tests = methods.Select(Test).ToList();
        return new ExecutionUnit(id, partitionId, "integration", resources, tests, [AssemblyPath], Orchestrator.Planning.VsTestFilter.ForNames(tests), expected);
    }

    public ExecutionUnit Unit(string id, params string[] methods) => Unit(id, "integration-none", TimeSpan.FromSeconds(1), ResourceSet.None, methods);

    public static TestPlan Plan(params ExecutionUnit[] units) =>
        new(
            "commit",
            [.. units.GroupBy(unit => unit.PartitionId).Select(group => new Partition(group.Key, group.First().Layer, group.First().Resources, [.. group]))],
            [],
            new PlanPrediction(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 1));

    /// <summary>The process and all its descendants alive now (Linux /proc).</summary>
    public static IReadOnlyList<int> ProcessTree(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var entry in System.IO.Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(entry), out var pid) && TryParentOf(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }
        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(pair => pair.Value == tree[i]).Select(pair => pair.Key));
        }
        return tree;
    }

    /// <summary>True while the process exists and is not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z";
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static readonly TimeSpan _defaultPollInterval = TimeSpan.FromMilliseconds(50);

    public static Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan within) =>
        EventuallyAsync(() => Task.FromResult(condition()), within, _defaultPollInterval);

    /// <summary>Polls <paramref name="condition"/> every <paramref name="interval"/> until it holds or <paramref name="within"/> has passed.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan within, TimeSpan interval)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(interval);
        }
        return await condition();
    }

    private static int? TryParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
