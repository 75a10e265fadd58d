using Orchestrator.Audit;
using Xunit;

namespace Orchestrator.Tests.Audit;

[Trait("Category", "Unit")]
public sealed class TestWaitsQuestionTests
{
    [Fact]
    public void Without_a_test_project_to_scan_the_answer_is_unknown()
    {
        var item = TestWaitsQuestion.Evaluate(AuditSample.Facts());

        Assert.Equal(AuditAnswer.Unknown, item.Answer);
        Assert.NotNull(item.Fix);
    }

    [Fact]
    public void Each_fixed_wait_is_no_with_its_file_and_line()
    {
        var facts = AuditSample.Facts() with
        {
            TestProjects = ["tests/App.Tests"],
            SourceFiles = 3,
            Waits = [new SourceWait("tests/App.Tests/OrderTests.cs", 12, "Thread.Sleep"), new SourceWait("tests/App.Tests/CacheTests.cs", 40, "Task.Delay")],
        };

        var item = TestWaitsQuestion.Evaluate(facts);

        Assert.Equal(AuditAnswer.No, item.Answer);
        Assert.Equal("2 fixed waits in the 3 C# files of 1 test projects.", item.Finding);
        Assert.Equal(["tests/App.Tests/OrderTests.cs:12", "tests/App.Tests/CacheTests.cs:40"], item.Evidence.Select(evidence => evidence.Location));
        Assert.Equal("Thread.Sleep waits a fixed time", item.Evidence[0].Detail);
        Assert.Contains("Poll for the condition", item.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Sources_without_a_fixed_wait_are_yes()
    {
        var item = TestWaitsQuestion.Evaluate(AuditSample.Facts() with { TestProjects = ["tests/App.Tests"], SourceFiles = 3 });

        Assert.Equal(AuditAnswer.Yes, item.Answer);
        Assert.Equal("No fixed wait in the 3 C# files of 1 test projects.", item.Finding);
    }
}
