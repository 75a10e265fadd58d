using Orchestrator.Configuration;
using Xunit;

namespace Orchestrator.Tests.Configuration;

[Trait("Category", "Unit")]
public sealed class ShellWordsTests
{
    [Theory]
    [InlineData("a b  c", new[] { "a", "b", "c" })]
    [InlineData("sh -c 'echo \"hi\" there'", new[] { "sh", "-c", "echo \"hi\" there" })]
    [InlineData("a\\ b \"c \\\"d\\\"\" ''", new[] { "a b", "c \"d\"", "" })]
    [InlineData("  ", new string[0])]
    public void Words_are_split_like_the_shell(string line, string[] words) =>
        Assert.Equal(words, ShellWords.Split(line));

    [Fact]
    public void An_unterminated_quote_is_an_error() =>
        Assert.Throws<FormatException>(() => ShellWords.Split("echo 'x"));
}
