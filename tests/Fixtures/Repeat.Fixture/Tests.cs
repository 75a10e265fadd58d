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

[Trait("Category", "Integration")]
public class PatternTests
{
    /// <summary>Fails on the third and the seventh time it runs, counted in the file HISTORY_COUNTER names: a known pattern for the history.</summary>
    [Fact]
    public void Fails_on_the_third_and_seventh_run()
    {
        var counter = Environment.GetEnvironmentVariable("HISTORY_COUNTER") ?? throw new InvalidOperationException("HISTORY_COUNTER is not set");
        File.AppendAllText(counter, "run\n");
        var run = File.ReadAllLines(counter).Length;
        Assert.False(run is 3 or 7, $"counted failure: run {run} of the pattern fails");
    }
}
