using Orchestrator.Results;
using Xunit;

namespace Orchestrator.Tests.Results;

[Trait("Category", "Unit")]
public sealed class QualifiedNameTests
{
    [Theory]
    [InlineData("Fails", "Shop.Tests.Orders.Fails", "Shop.Tests.Orders.Fails")]
    [InlineData("Rows (1)", "Shop.Tests.Orders.Rows", "Shop.Tests.Orders.Rows (1)")]
    [InlineData("Allows(\"partner \\\"Acme\\\" (v1.2)\")", "Ns.Limits.Allows(\"partner \\\"Acme\\\" (v1.2)\")", "Ns.Limits.Allows(\"partner \\\"Acme\\\" (v1.2)\")")]
    [InlineData("Shop.Tests.Orders.Adds(x: 3)", "Shop.Tests.Orders.Adds", "Shop.Tests.Orders.Adds(x: 3)")]
    [InlineData("Plain", "Plain", "Plain")]
    public void Nunit_and_mstest_names_get_their_class_and_xunit_names_stay_as_they_are(string displayName, string fullyQualifiedName, string expected) =>
        Assert.Equal(expected, QualifiedName.Of(displayName, fullyQualifiedName));
}
