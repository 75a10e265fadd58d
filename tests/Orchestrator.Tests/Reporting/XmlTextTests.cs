using Orchestrator.Reporting;
using Xunit;

namespace Orchestrator.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed class XmlTextTests
{
    [Fact]
    public void Text_xml_can_carry_is_returned_as_it_is()
    {
        const string text = "Assert.Equal() Failure: «ä» ≠ 😀\tline\r\nnext \uE000\uFFFD";

        Assert.Same(text, XmlText.Clean(text));
    }

    [Fact]
    public void Control_and_non_characters_become_replacement_characters()
    {
        Assert.Equal("a\uFFFDb", XmlText.Clean("a\u0001b"));
        Assert.Equal("\uFFFD", XmlText.Clean("\u0000"));
        Assert.Equal("tab\tok\uFFFD[31mred", XmlText.Clean("tab\tok\u001B[31mred"));
        Assert.Equal("x\uFFFDy\uFFFD", XmlText.Clean("x\uFFFEy\uFFFF"));
    }

    [Fact]
    public void Surrogates_are_kept_in_pairs_only()
    {
        Assert.Equal("pair \uD83D\uDE00 kept", XmlText.Clean("pair \uD83D\uDE00 kept"));
        Assert.Equal("lone high \uFFFD end", XmlText.Clean("lone high \uD83D end"));
        Assert.Equal("lone low  end", XmlText.Clean("lone low \uDE00 end"));
        Assert.Equal("\uFFFD", XmlText.Clean("\uDE00\uD83D"));
        Assert.Equal("\uFFFD then pair \uD83D\uDE00", XmlText.Clean("\u0001 then pair \uD83D\uDE00"));
    }
}
