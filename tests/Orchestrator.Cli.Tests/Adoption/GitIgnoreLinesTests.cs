using Orchestrator.Cli.Init;
using Xunit;

namespace Orchestrator.Cli.Tests.Adoption;

[Trait("Category", "Unit")]
public sealed class GitIgnoreLinesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("orchestrator-gitignore-").FullName;

    private string GitIgnore => Path.Combine(_root, ".gitignore");

    [Fact]
    public async Task Without_a_gitignore_the_lines_are_printed_and_no_file_is_made()
    {
        var said = await GitIgnoreLines.OfferAsync(_root, CancellationToken.None);

        Assert.Equal("No .gitignore found: add these lines to the one you keep, so state and reports are not committed: .orchestrator/ artifacts/", said);
        Assert.False(File.Exists(GitIgnore));
    }

    [Fact]
    public async Task Only_the_missing_lines_are_appended_after_the_last_line()
    {
        await File.WriteAllTextAsync(GitIgnore, "bin/\n/artifacts");

        var said = await GitIgnoreLines.OfferAsync(_root, CancellationToken.None);

        Assert.Equal("Appended to .gitignore: .orchestrator/ (the orchestrator's state and outputs).", said);
        Assert.Equal(["bin/", "/artifacts", ".orchestrator/"], await File.ReadAllLinesAsync(GitIgnore));
    }

    [Fact]
    public async Task A_gitignore_that_has_both_is_left_as_it_is()
    {
        await File.WriteAllTextAsync(GitIgnore, ".orchestrator\nartifacts/\n");

        var said = await GitIgnoreLines.OfferAsync(_root, CancellationToken.None);

        Assert.Equal(".gitignore already ignores .orchestrator/ and artifacts/.", said);
        Assert.Equal(".orchestrator\nartifacts/\n", await File.ReadAllTextAsync(GitIgnore));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
