using Shop.Storage;
using Xunit;

namespace Shop.UnitTests.Storage;

[Trait("Category", "Unit")]
public sealed class ShopSchemaTests
{
    [Theory]
    [InlineData("shop")]
    [InlineData("t_0a1b")]
    [InlineData("_private")]
    public void Plain_lower_case_identifiers_are_accepted(string name)
    {
        Assert.Equal($"{name}.stock", new ShopSchema(name).Stock);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Shop")]
    [InlineData("1shop")]
    [InlineData("shop; drop table x")]
    [InlineData("shop-test")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void Names_that_would_need_quoting_or_inject_sql_are_refused(string name)
    {
        Assert.Throws<ArgumentException>(() => new ShopSchema(name));
    }

    [Fact]
    public void The_lock_key_is_stable_per_schema_and_differs_between_schemas()
    {
        Assert.Equal(new ShopSchema("shop").LockKey, ShopSchema.Default.LockKey);
        Assert.NotEqual(new ShopSchema("shop").LockKey, new ShopSchema("shop2").LockKey);
    }

    [Fact]
    public void Table_names_are_qualified_by_the_schema()
    {
        var schema = new ShopSchema("s1");

        Assert.Equal(["s1.stock", "s1.reservations", "s1.payment_audit", "s1.products"], [schema.Stock, schema.Reservations, schema.PaymentAudit, schema.Products]);
    }
}
