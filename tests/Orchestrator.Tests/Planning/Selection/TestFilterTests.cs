using Orchestrator.Planning.Selection;
using Xunit;

namespace Orchestrator.Tests.Planning.Selection;

[Trait("Category", "Unit")]
public sealed class TestFilterTests
{
    private static readonly Dictionary<string, string[]> _checkout = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FullyQualifiedName"] = ["Shop.Tests.CheckoutTests.Pays_once"],
        ["Category"] = ["Integration"],
        ["Resource"] = ["postgres", "rabbitmq"],
    };

    private static bool Matches(string filter) => TestFilter.Parse(filter).Matches(property => _checkout.GetValueOrDefault(property, []));

    [Theory]
    [InlineData("FullyQualifiedName~Checkout", true)]
    [InlineData("fullyqualifiedname~checkout", true)]
    [InlineData("Checkout", true)]
    [InlineData("FullyQualifiedName=Shop.Tests.CheckoutTests.Pays_once", true)]
    [InlineData("FullyQualifiedName=Shop.Tests.CheckoutTests", false)]
    [InlineData("Category=Integration&Resource=postgres", true)]
    [InlineData("Category=Integration&Resource=redis", false)]
    [InlineData("Resource!=redis", true)]
    [InlineData("Resource!=postgres", false)]
    [InlineData("Priority!=1", true)]
    [InlineData("FullyQualifiedName!~Payment", true)]
    [InlineData("Category=Unit|Resource=rabbitmq", true)]
    [InlineData("Category=Unit|Resource=redis&Category=Integration", false)]
    [InlineData("(Category=Unit|Resource=rabbitmq)&Category=Integration", true)]
    [InlineData("Category=Unit|Resource=rabbitmq&Category=Unit", false)]
    [InlineData(" Category = Integration ", true)]
    public void Conditions_combine_as_dotnet_test_combines_them_and_binds_and_tighter_than_or(string filter, bool expected)
    {
        Assert.Equal(expected, Matches(filter));
    }

    [Fact]
    public void Escaped_special_characters_are_part_of_the_value()
    {
        var filter = TestFilter.Parse(@"FullyQualifiedName=A.B\(x: \(1\)\&\|\=\!\~\)");

        Assert.Equal("A.B(x: (1)&|=!~)", Assert.Single(filter.Conditions).Value);
        Assert.True(filter.Matches(_ => ["a.b(X: (1)&|=!~)"]));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("(Category=Unit", "position 15: a '(' is not closed")]
    [InlineData("Category=Unit)", "position 14: a ')' closes no '('")]
    [InlineData("Category=", "has no value")]
    [InlineData("=Unit", "names no property")]
    [InlineData("Category!Unit", "'!' must be followed by '=' or '~'")]
    [InlineData("Name=a=b", @"'=' inside a value must be escaped as \=")]
    [InlineData(@"Name=a\b", @"'\' escapes only")]
    public void An_unreadable_filter_names_the_position_and_how_to_write_it(string filter, string expected)
    {
        var error = Assert.Throws<FormatException>(() => TestFilter.Parse(filter));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
