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

    /// <summary>Docker's own matcher tests (moby/patternmatcher, which takes them from Go's filepath.Match tests).</summary>
    [Theory]
    [InlineData("a[b-d]e", "ae", false)]
    [InlineData("a[b-d]e", "ace", true)]
    [InlineData("a[b-d]e", "aae", false)]
    [InlineData("a[^b-d]e", "aze", true)]
    [InlineData("ab[c]", "abc", true)]
    [InlineData("ab[b-d]", "abc", true)]
    [InlineData("ab[e-g]", "abc", false)]
    [InlineData("ab[^c]", "abc", false)]
    [InlineData("ab[^b-d]", "abc", false)]
    [InlineData("ab[^e-g]", "abc", true)]
    [InlineData("a[^a]b", "a\u263Ab", true)]
    [InlineData("[a-\u03B6]*", "\u03B1", true)]
    [InlineData("*[a-\u03B6]", "A", false)]
    [InlineData("[\\]a]", "]", true)]
    [InlineData("[\\-]", "-", true)]
    [InlineData("[x\\-]", "x", true)]
    [InlineData("[x\\-]", "-", true)]
    [InlineData("[x\\-]", "z", false)]
    [InlineData("[\\-x]", "x", true)]
    [InlineData("[\\-x]", "-", true)]
    [InlineData("[\\-x]", "a", false)]
    [InlineData("a\\*b", "a*b", true)]
    [InlineData("a\\*b", "ab", false)]
    [InlineData("a\\*b", "axb", false)]
    [InlineData("a\\\\", "a\\", true)]
    [InlineData("abc.def", "abcZdef", false)]
    [InlineData("a(b)c/def", "a(b)c/def", true)]
    [InlineData("a.|)$(}+{bc", "a.|)$(}+{bc", true)]
    // Negation is '^' in Go's syntax; '!' inside brackets is one more member of the class.
    [InlineData("[!a-z]x", "bx", true)]
    [InlineData("[!a-z]x", "!x", true)]
    [InlineData("[!a-z]x", "Bx", false)]
    // A class is one character of a segment; a directory it matches takes its content with it.
    [InlineData("build[0-9]", "build7/out.dll", true)]
    [InlineData("build[0-9]", "build10", false)]
    [InlineData("**/*.[ch]", "src/deep/main.c", true)]
    [InlineData("**/*.[ch]", "src/deep/main.cs", false)]
    public void Character_classes_and_escapes_match_as_dockers_matcher_does(string pattern, string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnore.Parse(pattern).IsExcluded(path));

    /// <summary>Patterns Go's filepath.Match calls malformed, which docker refuses to build with.</summary>
    [Theory]
    [InlineData("[]a]")]
    [InlineData("[-]")]
    [InlineData("[x-]")]
    [InlineData("[-x]")]
    [InlineData("\\")]
    [InlineData("[a-b-c]")]
    [InlineData("[")]
    [InlineData("[^")]
    [InlineData("[^bc")]
    [InlineData("a[")]
    [InlineData("[z-a]")]
    [InlineData("!")]
    public void A_malformed_pattern_is_an_error_naming_the_file_line_and_pattern(string pattern)
    {
        var exception = Assert.Throws<Orchestrator.Resources.ResourceException>(() => DockerIgnore.Parse($"# first\n{pattern}\n", "ctx/.dockerignore"));

        Assert.Contains("ctx/.dockerignore line 2", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"'{pattern}'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_context_is_sent_without_what_classes_and_escapes_leave_out()
    {
        Write(".dockerignore", """
            log[0-9].txt
            [!a-z]tmp
            literal\*star
            cache/
            ./out/../obj
            """);
        Write("Dockerfile");
        Write("log1.txt");
        Write("logA.txt");
        Write("!tmp");
        Write("xtmp");
        Write("Xtmp");
        Write("literal*star");
        Write("literalXstar");
        Write("cache/entry.bin");
        Write("obj/a.o");

        var sent = await SentFilesAsync();

        Assert.Equal([".dockerignore", "Dockerfile", "Xtmp", "literalXstar", "logA.txt"], sent);
    }
}
