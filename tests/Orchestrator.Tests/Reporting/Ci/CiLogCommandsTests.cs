using Orchestrator.Reporting.Ci;
using Xunit;

namespace Orchestrator.Tests.Reporting.Ci;

[Trait("Category", "Unit")]
public sealed class CiLogCommandsTests
{
    private const string Name = "Shop.Tests.Cart.Adds(item: \"50% off, (1)\")";
    private const string Message = "Expected: 1\r\nActual:   2 [100%]; done";

    [Fact]
    public void GitHub_error_escapes_percent_and_line_breaks_in_the_message_and_also_colons_and_commas_in_properties()
    {
        var line = new GitHubWorkflowCommands().ErrorAnnotation(Name, Message, new SourceLocation("tests/Shop Tests/Cart,v2.cs", 42));

        Assert.Equal(
            "::error file=tests/Shop Tests/Cart%2Cv2.cs,line=42,title=Shop.Tests.Cart.Adds(item%3A \"50%25 off%2C (1)\")::Expected: 1%0D%0AActual:   2 [100%25]; done",
            line);
    }

    [Fact]
    public void GitHub_error_without_a_location_has_only_a_title()
    {
        Assert.Equal("::error title=A.B::not run: host crashed", new GitHubWorkflowCommands().ErrorAnnotation("A.B", "not run: host crashed", null));
    }

    [Fact]
    public void A_line_break_in_a_test_name_stays_inside_the_one_line_of_its_annotation()
    {
        Assert.Equal("::error title=A.B(text%3A \"x%0Ay\")::m", new GitHubWorkflowCommands().ErrorAnnotation("A.B(text: \"x\ny\")", "m", null));
        Assert.Equal("##vso[task.logissue type=error]A.B(text: \"x%0Ay\"): m", new AzureLoggingCommands().ErrorAnnotation("A.B(text: \"x\ny\")", "m", null));
    }

    [Fact]
    public void GitHub_groups_escape_their_name()
    {
        var commands = new GitHubWorkflowCommands();

        Assert.Equal(["::group::unit-none#1: 2 failed %25%0Anext", "::endgroup::"], [commands.GroupStart("unit-none#1: 2 failed %\nnext"), commands.GroupEnd()]);
    }

    [Fact]
    public void Azure_issue_escapes_percent_and_line_breaks_in_the_message_and_also_semicolons_and_brackets_in_properties()
    {
        var line = new AzureLoggingCommands().ErrorAnnotation(Name, Message, new SourceLocation("tests/Cart;[v2].cs", 7));

        Assert.Equal(
            "##vso[task.logissue type=error;sourcepath=tests/Cart%3B[v2%5D.cs;linenumber=7]Shop.Tests.Cart.Adds(item: \"50%AZP25 off, (1)\"): Expected: 1%0D%0AActual:   2 [100%AZP25]; done",
            line);
    }

    [Fact]
    public void Azure_issue_without_a_location_has_only_its_type()
    {
        Assert.Equal("##vso[task.logissue type=error]A.B: not run", new AzureLoggingCommands().ErrorAnnotation("A.B", "not run", null));
    }

    [Fact]
    public void Azure_groups_escape_their_name()
    {
        var commands = new AzureLoggingCommands();

        Assert.Equal(["##[group]unit-none (50%AZP25)%0Dx", "##[endgroup]"], [commands.GroupStart("unit-none (50%)\rx"), commands.GroupEnd()]);
    }

    [Theory]
    [InlineData("true", null, CiService.GitHubActions)]
    [InlineData(null, "True", CiService.AzurePipelines)]
    [InlineData(null, null, null)]
    [InlineData("false", "False", null)]
    public void The_service_is_told_by_its_own_variable_and_never_by_CI_alone(string? githubActions, string? tfBuild, CiService? expected)
    {
        var environment = new Dictionary<string, string?> { ["CI"] = "true", ["GITHUB_ACTIONS"] = githubActions, ["TF_BUILD"] = tfBuild };

        Assert.Equal(expected, CiServiceDetection.From(name => environment.GetValueOrDefault(name)));
    }
}
