using System.Formats.Tar;
using Orchestrator.Docker.Images;
using Xunit;

namespace Orchestrator.Docker.Tests.Images;

[Trait("Category", "Unit")]
public sealed class DockerIgnoreTests : IDisposable
{
    private readonly string _context = Directory.CreateTempSubdirectory("orchestrator-build-context-").FullName;

    public void Dispose() => Directory.Delete(_context, recursive: true);

    private void Write(string relative, string content = "x")
    {
        var path = Path.Combine(_context, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private async Task<IReadOnlyList<string>> SentFilesAsync()
    {
        using var archive = new MemoryStream();
        await BuildContextArchive.WriteAsync(_context, "Dockerfile", archive, CancellationToken.None);
        archive.Position = 0;
        using var reader = new TarReader(archive);
        var names = new List<string>();
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            if (entry.EntryType != TarEntryType.Directory)
            {
                names.Add(entry.Name);
            }
        }
        return names;
    }

    [Fact]
    public async Task Without_a_dockerignore_everything_is_sent()
    {
        Write("Dockerfile");
        Write("src/app.txt");

        Assert.Equal(["Dockerfile", "src/app.txt"], await SentFilesAsync());
    }

    [Fact]
    public async Task Patterns_with_stars_question_marks_and_exceptions_leave_out_what_docker_leaves_out()
    {
        Write(".dockerignore", """
            # comments and blank lines are ignored

            *.log
            **/bin
            secret?.txt
            docs
            !docs/keep.md
            Dockerfile
            """);
        Write("Dockerfile");
        Write("build.log");
        Write("nested/deep.log");
        Write("nested/deeper/bin/tool.dll");
        Write("bin/root.dll");
        Write("secret1.txt");
        Write("secret12.txt");
        Write("docs/drop.md");
        Write("docs/keep.md");
        Write("src/app.txt");

        var sent = await SentFilesAsync();

        // *.log matches only at the top (like docker); ** crosses directories; the Dockerfile and .dockerignore are always sent.
        Assert.Equal([".dockerignore", "Dockerfile", "docs/keep.md", "nested/deep.log", "secret12.txt", "src/app.txt"], sent);
    }

    [Theory]
    [InlineData("**/*.tmp", "a/b/c.tmp", true)]
    [InlineData("**/*.tmp", "c.tmp", true)]
    [InlineData("a/*/c", "a/b/c", true)]
    [InlineData("a/*/c", "a/b/x/c", false)]
    [InlineData("/node_modules", "node_modules/x/y.js", true)]
    [InlineData("file?", "file10", false)]
    public void A_pattern_matches_paths_as_docker_does(string pattern, string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnore.Parse(pattern).IsExcluded(path));
}
