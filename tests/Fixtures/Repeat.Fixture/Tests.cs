using Xunit;

namespace Repeat.Fixture;

[Trait("Category", "Integration")]
public class CountedTests
{
    /// <summary>
    /// Fails every fifth time it runs: each run appends a line to REPEAT_COUNTER under an exclusive lock, so repetitions
    /// running at the same time still count one after another and exactly one in five fails.
    /// </summary>
    [Fact]
    public void Fails_one_time_in_five()
    {
        var counter = Environment.GetEnvironmentVariable("REPEAT_COUNTER") ?? throw new InvalidOperationException("REPEAT_COUNTER is not set");
        int run;
        using (var file = OpenExclusive(counter))
        {
            using var reader = new StreamReader(file, leaveOpen: true);
            run = reader.ReadToEnd().Count(c => c == '\n') + 1;
            using var writer = new StreamWriter(file, leaveOpen: true);
            writer.WriteLine(run);
        }
        Assert.False(run % 5 == 0, "counted failure: every fifth run fails");
    }

    [Fact]
    public void Passes() => Assert.Equal(4, 2 + 2);

    private static FileStream OpenExclusive(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another repetition holds the counter: poll until it lets go.
                Thread.Yield();
            }
        }
    }
}

[Trait("Category", "Integration")]
public class FailingTests
{
    [Fact]
    public void Fails_on_purpose() => Assert.Fail("fails on purpose, for quarantine");
}

/// <summary>
/// A test that passes by itself and fails beside its sibling: the sibling leaves a static set that the test reads,
/// state shared within their unit's process. Alphabetical order runs the sibling first whenever both run.
/// </summary>
[Trait("Category", "Integration")]
[TestCaseOrderer("Repeat.Fixture.AlphabeticalOrderer", "Repeat.Fixture")]
public class SharedMarkerTests
{
    private static bool s_markerSet;

    [Fact]
    public void Leaves_the_shared_marker_set() => s_markerSet = true;

    [Fact]
    public void Reads_the_shared_marker_clean() => Assert.False(s_markerSet, "the shared marker was left set by another test in this process");
}

public sealed class AlphabeticalOrderer : Xunit.Sdk.ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : Xunit.Abstractions.ITestCase =>
        testCases.OrderBy(testCase => testCase.TestMethod.Method.Name, StringComparer.Ordinal);
}

[Trait("Category", "Integration")]
public class PatternTests
{
    /// <summary>
    /// Fails on the third and the seventh time it runs, counted in the file HISTORY_COUNTER names: a known pattern for the
    /// history. Without the variable (the fixture's other runs, alongside its siblings) it has nothing to count and passes.
    /// </summary>
    [Fact]
    public void Fails_on_the_third_and_seventh_run()
    {
        if (Environment.GetEnvironmentVariable("HISTORY_COUNTER") is not { Length: > 0 } counter)
        {
            return;
        }
        File.AppendAllText(counter, "run\n");
        var run = File.ReadAllLines(counter).Length;
        Assert.False(run is 3 or 7, $"counted failure: run {run} of the pattern fails");
    }
}
