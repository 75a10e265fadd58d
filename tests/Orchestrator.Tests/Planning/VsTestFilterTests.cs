using Orchestrator.Model;
using Orchestrator.Planning;
using Xunit;

namespace Orchestrator.Tests.Planning;

[Trait("Category", "Unit")]
public sealed class VsTestFilterTests
{
    [Fact]
    public void Plain_names_are_selected_exactly_and_escaped()
    {
        var filter = VsTestFilter.ForNames([new TestKey("A", "Ns.Calc.Adds(1,2)"), new TestKey("A", "Ns.Calc.Plain")]);

        Assert.Equal(@"FullyQualifiedName=Ns.Calc.Adds\(1,2\)|FullyQualifiedName=Ns.Calc.Plain", filter);
    }

    [Theory]
    [InlineData("Ns.Limits.Allows(\"partner \\\"Acme\\\" (sandbox)\")")]
    [InlineData("Ns.Names.Odd(\"a\")(")]
    [InlineData("Ns.Names.Closing)")]
    public void A_name_with_quotes_or_unbalanced_parentheses_is_selected_by_its_method_so_the_nunit_parser_never_sees_it(string name)
    {
        var filter = VsTestFilter.ForNames([new TestKey("A", name), new TestKey("A", "Ns.Calc.Plain")]);

        var method = name[..name.IndexOfAny(['(', '"', ')'])];
        Assert.Contains("FullyQualifiedName~" + method, filter, StringComparison.Ordinal);
        Assert.DoesNotContain("\"", filter, StringComparison.Ordinal);
        Assert.Contains("FullyQualifiedName=Ns.Calc.Plain", filter, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_cases_of_one_method_share_one_term()
    {
        var filter = VsTestFilter.ForNames([new TestKey("A", "Ns.L.Allows(\"a \\\"b\\\"\")"), new TestKey("A", "Ns.L.Allows(\"c (d\")")]);

        Assert.Equal("FullyQualifiedName~Ns.L.Allows", filter);
    }
}
