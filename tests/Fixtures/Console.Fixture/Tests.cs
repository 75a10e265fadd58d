using Xunit;

namespace Console.Fixture;

internal static class Variables
{
    public static string? Read(string name) => Environment.GetEnvironmentVariable(name);

    /// <summary>Leaves the test host's pid where the test asks, so that it can tell which host ran which test.</summary>
    public static void RecordHost(string test)
    {
        if (Read("CONSOLE_FIXTURE_HOSTS") is { } directory)
        {
            File.WriteAllText(Path.Combine(directory, test), Environment.ProcessId.ToString());
        }
    }
}

[Trait("Category", "Integration")]
[Trait("Resource", "alpha")]
public class AlphaTests
{
    [Fact]
    public void Sees_its_own_variable_and_not_betas()
    {
        Variables.RecordHost(nameof(AlphaTests));
        Assert.Equal("alpha-value", Variables.Read("CONSOLE_ALPHA"));
        Assert.Null(Variables.Read("CONSOLE_BETA"));
    }
}

[Trait("Category", "Integration")]
[Trait("Resource", "beta")]
public class BetaTests
{
    [Fact]
    public void Sees_its_own_variable_and_not_alphas()
    {
        Variables.RecordHost(nameof(BetaTests));
        Assert.Equal("beta-value", Variables.Read("CONSOLE_BETA"));
        Assert.Null(Variables.Read("CONSOLE_ALPHA"));
    }
}

[Trait("Category", "Unit")]
public class PlainTests
{
    [Fact]
    public void Sees_neither_resource_variable()
    {
        Variables.RecordHost(nameof(PlainTests));
        Assert.Null(Variables.Read("CONSOLE_ALPHA"));
        Assert.Null(Variables.Read("CONSOLE_BETA"));
    }

    /// <summary>Hangs when the run asks it to (CONSOLE_FIXTURE_HANG), until the file CONSOLE_FIXTURE_RELEASE exists, if named.</summary>
    [Fact]
    public void Hangs_when_asked()
    {
        if (Variables.Read("CONSOLE_FIXTURE_HANG") != "1")
        {
            return;
        }
        Variables.RecordHost(nameof(Hangs_when_asked));
        var release = Variables.Read("CONSOLE_FIXTURE_RELEASE");
        while (release is null || !File.Exists(release))
        {
            Thread.Sleep(100);
        }
    }
}
