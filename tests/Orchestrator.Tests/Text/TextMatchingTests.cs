using Orchestrator.Text;
using Xunit;

namespace Orchestrator.Tests.Text;

[Trait("Category", "Unit")]
public sealed class TextMatchingTests
{
    [Theory]
    [InlineData("Shop.*Tests", "shop.integrationtests", true, true)]
    [InlineData("Shop.*Tests", "shop.integrationtests", false, false)]
    [InlineData("Shop.*Tests", "Shop.IntegrationTests", false, true)]
    [InlineData("*.Flaky*", "A.B.FlakyCheckout", false, true)]
    [InlineData("A.B", "A.BC", false, false)]
    public void Wildcards_match_with_the_case_rule_the_caller_chooses(string pattern, string text, bool ignoreCase, bool expected) =>
        Assert.Equal(expected, WildcardPattern.IsMatch(pattern, text, ignoreCase));

    [Fact]
    public void Swapped_adjacent_letters_are_one_edit_away()
    {
        Assert.Equal(1, NameSuggestion.Distance("postgers", "postgres"));
        Assert.Equal("timeouts", NameSuggestion.Nearest("timoeuts", ["layers", "timeouts", "traits"]));
    }

    [Fact]
    public void Nothing_is_suggested_for_a_name_far_from_every_candidate() =>
        Assert.Null(NameSuggestion.Nearest("kafka", ["postgres", "redis", "rabbitmq"]));
}
