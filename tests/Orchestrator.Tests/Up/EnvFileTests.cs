using Orchestrator.Up;
using Xunit;

namespace Orchestrator.Tests.Up;

[Trait("Category", "Unit")]
public sealed class EnvFileTests
{
    [Fact]
    public void Writes_a_header_and_one_unquoted_line_per_variable_sorted_by_name()
    {
        var variables = new Dictionary<string, string>
        {
            ["ConnectionStrings__Redis"] = "127.0.0.1:49154,password=p&<'\"x,defaultDatabase=1",
            ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Port=49153;Username=postgres;Password=a=b;c d;Database=up_1abcd",
            ["EMPTY"] = "",
        };

        var text = EnvFile.Render("Written by 'orchestrator up'", variables);

        Assert.Equal(
            "# Written by 'orchestrator up'\n" +
            "ConnectionStrings__Postgres=Host=127.0.0.1;Port=49153;Username=postgres;Password=a=b;c d;Database=up_1abcd\n" +
            "ConnectionStrings__Redis=127.0.0.1:49154,password=p&<'\"x,defaultDatabase=1\n" +
            "EMPTY=\n",
            text);
    }

    [Fact]
    public void A_value_over_several_lines_is_refused_naming_the_variable()
    {
        var refused = Assert.Throws<FormatException>(() => EnvFile.Render("h", new Dictionary<string, string> { ["CERT"] = "line one\nline two" }));

        Assert.Contains("'CERT'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_with_an_equals_sign_is_refused_naming_it()
    {
        var refused = Assert.Throws<FormatException>(() => EnvFile.Render("h", new Dictionary<string, string> { ["A=B"] = "x" }));

        Assert.Contains("'A=B'", refused.Message, StringComparison.Ordinal);
    }
}
