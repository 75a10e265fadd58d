using System.Text.Json;
using Orchestrator.Execution;
using Orchestrator.Model;
using Orchestrator.TestingPlatform;
using Xunit;

namespace Orchestrator.Tests.TestingPlatform;

/// <summary>Test nodes as the frameworks send them in server mode (shapes taken from MSTest, xunit.v3, NUnit and TUnit).</summary>
[Trait("Category", "Unit")]
public sealed class TestNodeTests
{
    private static TestNode Parse(string json) => TestNode.Parse(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void A_category_arrives_as_a_key_without_value_and_a_property_as_a_key_with_one()
    {
        var node = Parse("""
            {"uid":"1bc9176c","display-name":"Adds","traits":[{"Resource":"postgres"},{"Integration":""}],
             "location.type":"Shop.Calculations","location.method":"Adds","node-type":"action","execution-state":"discovered"}
            """);

        var discovered = node.ToCase("/bin/Shop.Tests.dll");

        Assert.Equal("Shop.Calculations.Adds", discovered.FullyQualifiedName);
        Assert.Equal("1bc9176c", discovered.Id);
        Assert.Equal([new TestTrait("Resource", "postgres")], discovered.Traits);
        Assert.Equal(["Integration"], discovered.Categories);
    }

    [Fact]
    public void Xunit_traits_keep_their_names_and_every_value()
    {
        var node = Parse("""
            {"uid":"06f0","display-name":"X.C.Adds","traits":[{"Resource":"redis"},{"Resource":"postgres"},{"Category":"Integration"}],
             "location.type":"X.C","location.method":"Adds","node-type":"action","execution-state":"discovered"}
            """);

        Assert.Equal(
            [new TestTrait("Resource", "redis"), new TestTrait("Resource", "postgres"), new TestTrait("Category", "Integration")],
            node.ToCase("x.dll").Traits);
        Assert.Empty(node.ToCase("x.dll").Categories);
    }

    [Fact]
    public void Cases_of_a_parameterised_method_share_its_name_without_arguments()
    {
        var first = Parse("""{"uid":"NUnitRunner.C.Quoted(\"a\\\"b\")","display-name":"Quoted(\"a\\\"b\")","location.type":"N.C","location.method":"Quoted(System.String)","node-type":"action","execution-state":"discovered"}""");
        var second = Parse("""{"uid":"NUnitRunner.C.Quoted(\"(x\")","display-name":"Quoted(\"(x\")","location.type":"N.C","location.method":"Quoted(System.String)","node-type":"action","execution-state":"discovered"}""");

        Assert.Equal("N.C.Quoted", first.FullyQualifiedName);
        Assert.Equal(first.FullyQualifiedName, second.FullyQualifiedName);
        Assert.NotEqual(TestNode.IdOf(first.Uid), TestNode.IdOf(second.Uid));
    }

    [Fact]
    public void A_node_without_location_is_named_by_its_uid()
    {
        var node = Parse("""{"uid":"Suite/Case 1","display-name":"Case 1","node-type":"action","execution-state":"passed"}""");

        Assert.Equal("Suite/Case 1", node.FullyQualifiedName);
    }

    [Theory]
    [InlineData("passed", TestResultOutcome.Passed)]
    [InlineData("skipped", TestResultOutcome.Skipped)]
    [InlineData("failed", TestResultOutcome.Failed)]
    [InlineData("error", TestResultOutcome.Failed)]
    [InlineData("timed-out", TestResultOutcome.Failed)]
    [InlineData("cancelled", TestResultOutcome.None)]
    public void A_result_state_maps_to_its_outcome(string state, TestResultOutcome outcome)
    {
        var node = Parse($$"""{"uid":"u","display-name":"T","location.type":"N.C","location.method":"T","node-type":"action","execution-state":"{{state}}","time.duration-ms":45.5}""");

        var result = node.ToResult("/bin/N.dll");

        Assert.True(node.IsFinished);
        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(TimeSpan.FromMilliseconds(45.5), result.Duration);
        Assert.Equal(TestNode.IdOf("u"), result.Id);
    }

    [Fact]
    public void A_failure_keeps_its_message_and_stack_trace_apart()
    {
        var node = Parse("""{"uid":"u","display-name":"T","node-type":"action","execution-state":"failed","error.message":"expected 1","error.stacktrace":"   at N.C.T() in /src/C.cs:line 12"}""");

        var result = node.ToResult("/bin/N.dll");

        Assert.Equal("expected 1", result.ErrorMessage);
        Assert.Equal("   at N.C.T() in /src/C.cs:line 12", result.StackTrace);
    }

    [Fact]
    public void Discovered_and_in_progress_nodes_are_not_results_and_a_node_needs_a_uid()
    {
        Assert.False(Parse("""{"uid":"u","node-type":"action","execution-state":"in-progress"}""").IsFinished);
        Assert.False(Parse("""{"uid":"u","node-type":"action","execution-state":"discovered"}""").IsFinished);
        Assert.False(Parse("""{"uid":"g","node-type":"group","execution-state":"discovered"}""").IsCase);
        Assert.Throws<InvalidDataException>(() => Parse("""{"display-name":"no uid"}"""));
    }
}
