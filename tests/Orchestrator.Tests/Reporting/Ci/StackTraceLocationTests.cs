using Orchestrator.Reporting.Ci;
using Xunit;

namespace Orchestrator.Tests.Reporting.Ci;

[Trait("Category", "Unit")]
public sealed class StackTraceLocationTests
{
    private const string Trace = """
           at Xunit.Assert.Equal[T](T expected, T actual)
           at Shop.Tests.Support.Checks.Same(Int32 a, Int32 b) in /repo/tests/Shop.Tests/Support/Checks.cs:line 12
           at Shop.Tests.CartTests.Adds_an_item() in /repo/tests/Shop.Tests/CartTests.cs:line 42
        --- End of stack trace from previous location ---
        """;

    [Fact]
    public void The_frame_of_the_test_class_wins_over_the_helpers_it_called()
    {
        Assert.Equal(new SourceLocation("tests/Shop.Tests/CartTests.cs", 42), StackTraceLocation.Find(Trace, "Shop.Tests.CartTests", "/repo"));
    }

    [Fact]
    public void Without_a_frame_of_the_test_class_the_first_frame_with_a_file_is_taken()
    {
        Assert.Equal(new SourceLocation("tests/Shop.Tests/Support/Checks.cs", 12), StackTraceLocation.Find(Trace, "Shop.Tests.Other", "/repo/"));
    }

    [Fact]
    public void A_file_outside_the_repository_keeps_its_full_path()
    {
        Assert.Equal(new SourceLocation("/repo/tests/Shop.Tests/CartTests.cs", 42), StackTraceLocation.Find(Trace, "Shop.Tests.CartTests", "/elsewhere"));
    }

    [Fact]
    public void Windows_paths_are_made_relative_with_forward_slashes()
    {
        var trace = @"   at Shop.Tests.CartTests.Adds() in C:\a\repo\tests\CartTests.cs:line 3" + "\r\n";

        Assert.Equal(new SourceLocation("tests/CartTests.cs", 3), StackTraceLocation.Find(trace, "Shop.Tests.CartTests", @"C:\a\repo"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   at Shop.Tests.CartTests.Adds()")]
    public void No_frame_with_a_file_gives_no_location(string? trace)
    {
        Assert.Null(StackTraceLocation.Find(trace, "Shop.Tests.CartTests", "/repo"));
    }
}
