using System.Globalization;

namespace Orchestrator.Benchmarks.Scale;

/// <summary>
/// A suite of <see cref="SuiteShape.ProjectCount"/> projects holding exactly N tests, split over the
/// groups of <see cref="SuiteShape"/> by their shares. Seeded: the same N gives the same suite, names
/// and simulated waits, so timings recorded by one run balance the next.
/// </summary>
internal sealed record GeneratedSuite(int TestCount, IReadOnlyList<GeneratedProject> Projects)
{
    /// <summary>Smallest suite that still puts at least one class into every project.</summary>
    public const int MinimumTests = 200;

    public IEnumerable<GeneratedClass> Classes => Projects.SelectMany(project => project.Classes);

    public static GeneratedSuite Create(int testCount, int seed = SuiteShape.Seed)
    {
        if (testCount < MinimumTests)
        {
            throw new ArgumentOutOfRangeException(nameof(testCount), testCount, $"A scale suite needs at least {MinimumTests} tests to fill {SuiteShape.ProjectCount} projects.");
        }
        var random = new Random(seed);
        var sampler = new LogNormalSampler(random);
        var classes = Enumerable.Range(0, SuiteShape.ProjectCount).Select(_ => new List<GeneratedClass>()).ToArray();
        var counts = Apportion(testCount, SuiteShape.Groups.Select(group => group.Share).ToList());
        var testNumber = 0;
        for (var groupIndex = 0; groupIndex < SuiteShape.Groups.Count; groupIndex++)
        {
            var group = SuiteShape.Groups[groupIndex];
            var remaining = counts[groupIndex];
            for (var classNumber = 0; remaining > 0; classNumber++)
            {
                var size = Math.Min(remaining, random.Next(group.ClassSize.Min, group.ClassSize.Max + 1));
                var tests = new List<GeneratedTest>(size);
                for (var i = 0; i < size; i++)
                {
                    testNumber++;
                    var milliseconds = sampler.NextMilliseconds(group.MedianMilliseconds, group.Sigma, 1, SuiteShape.MaxMilliseconds);
                    tests.Add(new GeneratedTest("Case" + testNumber.ToString("00000", CultureInfo.InvariantCulture), milliseconds));
                }
                var project = group.ProjectPool[classNumber % group.ProjectPool.Count];
                classes[project].Add(new GeneratedClass($"{group.Name}{classNumber.ToString("0000", CultureInfo.InvariantCulture)}Tests", group, tests));
                remaining -= size;
            }
        }
        var projects = classes.Select((list, index) => new GeneratedProject(SuiteShape.ProjectName(index), list)).ToList();
        if (projects.FirstOrDefault(project => project.Classes.Count == 0) is { } empty)
        {
            throw new InvalidOperationException($"Project {empty.Name} received no test class from {testCount} tests: use a larger N.");
        }
        return new GeneratedSuite(testCount, projects);
    }

    /// <summary>Splits <paramref name="total"/> by the shares, rounding by the largest remainder so the parts sum to the total.</summary>
    private static int[] Apportion(int total, IReadOnlyList<double> shares)
    {
        var sum = shares.Sum();
        var exact = shares.Select(share => total * share / sum).ToArray();
        var parts = exact.Select(value => (int)Math.Floor(value)).ToArray();
        var order = Enumerable.Range(0, parts.Length).OrderByDescending(index => exact[index] - parts[index]).ThenBy(index => index).ToArray();
        var missing = total - parts.Sum();
        for (var i = 0; i < missing; i++)
        {
            parts[order[i % order.Length]]++;
        }
        return parts;
    }
}
