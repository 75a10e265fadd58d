using Orchestrator.Text;
using Orchestrator.Discovery;
using Xunit;

namespace Orchestrator.Tests.Discovery;

[Trait("Category", "Unit")]
public sealed class DiscoveryHelpersTests
{
    [Theory]
    [InlineData("App.*", "App.Data", true)]
    [InlineData("*Tests", "OrderTests", true)]
    [InlineData("*tests", "OrderTests", true)]
    [InlineData("App.*.Sql", "App.Data.Sql", true)]
    [InlineData("App.*", "Other.App", false)]
    [InlineData("Order", "OrderTests", false)]
    [InlineData("*", "", true)]
    public void Wildcard_patterns_match_case_insensitively(string pattern, string text, bool expected) =>
        Assert.Equal(expected, WildcardPattern.IsMatch(pattern, text));

    [Fact]
    public void The_nearest_name_is_suggested_only_when_plausibly_a_typo()
    {
        Assert.Equal("rabbitmq", NameSuggestion.Nearest("rabitmq", ["postgres", "redis", "rabbitmq"]));
        Assert.Equal("redis", NameSuggestion.Nearest("REDIS", ["postgres", "redis"]));
        Assert.Null(NameSuggestion.Nearest("kafka", ["postgres", "redis"]));
        Assert.Equal(3, NameSuggestion.Distance("kitten", "sitting"));
    }

    [Fact]
    public void Test_names_split_into_namespace_class_and_method_ignoring_arguments()
    {
        Assert.Equal(new TestName("App.Data", "RepoTests", "Reads"), TestName.Parse("App.Data.RepoTests.Reads(1,\"a.b\")"));
        Assert.Equal(new TestName("", "RepoTests", "Reads"), TestName.Parse("RepoTests.Reads"));
    }

    [Fact]
    public void The_discovery_log_gives_cases_traits_categories_and_completion()
    {
        string[] lines =
        [
            """{"kind":"discovered","fullyQualifiedName":"A.B.C","displayName":"C","source":"/x.dll","traits":[{"name":"Resource","value":"redis"},{"name":"Resource","value":"postgres"}],"categories":["Integration"]}""",
            "",
            """{"kind":"discoveryComplete","total":1,"aborted":false}""",
        ];

        var log = DiscoveryLog.Parse(lines);

        var testCase = Assert.Single(log.Cases);
        Assert.Equal(["redis", "postgres"], testCase.Traits.Select(trait => trait.Value));
        Assert.Equal(["Integration"], testCase.Categories);
        Assert.True(log.Completed);
        Assert.False(log.Aborted);
    }

    [Fact]
    public void A_log_without_completion_is_reported_as_incomplete()
    {
        var log = DiscoveryLog.Parse(["""{"kind":"discovered","fullyQualifiedName":"A.B.C","traits":[],"categories":[]}"""]);

        Assert.False(log.Completed);
        Assert.Single(log.Cases);
    }
}
