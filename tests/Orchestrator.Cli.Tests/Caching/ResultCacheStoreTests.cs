using Microsoft.Extensions.Time.Testing;
using Orchestrator.Caching;
using Orchestrator.Results.Trx;
using Orchestrator.Runtime.Caching;
using Xunit;

namespace Orchestrator.Cli.Tests.Caching;

[Trait("Category", "Unit")]
public sealed class ResultCacheStoreTests : IDisposable
{
    private static readonly CacheKey Key = CacheKey.Of([new("assembly output", "aa"), new("run settings", "bb")]);
    private static readonly DateTimeOffset Recorded = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly string[] Sources = ["tests/1.dll", "tests/2.dll", "tests/3.dll", "tests/4.dll"];

    private readonly string _directory = Directory.CreateTempSubdirectory("orchestrator-result-cache-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static CacheEntry Entry(string source, params string[] tests) =>
        CacheEntry.First(new CacheScope(source, "none"), Key, [.. tests.Select(test => new CachedPass(test, [Case(test)], "run-1", Recorded))]);

    private static CachedCase Case(string test) =>
        new($"{test}(x: \"ü\")", $"id-{test}", TimeSpan.FromMilliseconds(42.5), new TrxTestDefinition($"{test}(x: \"ü\")", "tests/a.dll", "tests/a.dll", "executor://xunit/VsTestRunner3/netcore/", "A", test));

    private static IEnumerable<string> Described(IEnumerable<CachedPass> passes) =>
        passes.Select(pass => $"{pass.FullyQualifiedName}|{pass.RunId}|{pass.RecordedAt:O}|{string.Join(';', pass.Cases)}");

    [Fact]
    public async Task An_entry_reads_back_as_written_and_a_scope_never_written_reads_as_missing()
    {
        var store = new ResultCacheStore(_directory, maxBytes: 1 << 20);
        var entry = Entry("tests/A.dll", "A.One", "A.Two — ünïcode 🎉");

        await store.WriteAsync(entry, CancellationToken.None);
        var read = await store.ReadAsync(entry.Scope, CancellationToken.None);

        Assert.Null(read.Warning);
        Assert.Equal(entry.Key, read.Entry!.Key);
        Assert.Equal(Described(entry.Passes), Described(read.Entry.Passes));
        Assert.Same(CacheRead.Missing, await store.ReadAsync(new CacheScope("tests/B.dll", "none"), CancellationToken.None));
    }

    [Fact]
    public async Task A_damaged_entry_is_a_warning_naming_it_is_removed_and_reads_as_missing_next_time()
    {
        var store = new ResultCacheStore(_directory, maxBytes: 1 << 20);
        var entry = Entry("tests/A.dll", "A.One");
        await store.WriteAsync(entry, CancellationToken.None);
        var file = Assert.Single(Directory.GetFiles(_directory, "*.json"));
        await File.WriteAllTextAsync(file, "{ \"formatVersion\": 1, \"source\": ", CancellationToken.None);

        var read = await store.ReadAsync(entry.Scope, CancellationToken.None);

        Assert.Null(read.Entry);
        Assert.Contains(file, read.Warning, StringComparison.Ordinal);
        Assert.Contains("tests/A.dll", read.Warning, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task An_entry_whose_key_does_not_match_its_inputs_is_not_trusted()
    {
        var store = new ResultCacheStore(_directory, maxBytes: 1 << 20);
        var entry = Entry("tests/A.dll", "A.One");
        await store.WriteAsync(entry, CancellationToken.None);
        var file = Assert.Single(Directory.GetFiles(_directory, "*.json"));
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, CancellationToken.None)).Replace("\"digest\":\"aa\"", "\"digest\":\"ab\"", StringComparison.Ordinal), CancellationToken.None);

        var read = await store.ReadAsync(entry.Scope, CancellationToken.None);

        Assert.Null(read.Entry);
        Assert.Contains("does not match", read.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_the_size_limit_the_least_recently_used_entries_go_first()
    {
        var time = new FakeTimeProvider(Recorded);
        var store = new ResultCacheStore(_directory, maxBytes: 1 << 20, time);
        var (first, second, third) = (Entry("tests/1.dll", "T1.Test"), Entry("tests/2.dll", "T2.Test"), Entry("tests/3.dll", "T3.Test"));
        foreach (var (entry, hoursAgo) in new[] { (first, 3), (second, 2), (third, 1) })
        {
            await store.WriteAsync(entry, CancellationToken.None);
            File.SetLastWriteTimeUtc(store.PathOf(entry.Scope), Recorded.UtcDateTime.AddHours(-hoursAgo));
        }
        // Reading the oldest makes it the most recently used.
        await store.ReadAsync(first.Scope, CancellationToken.None);
        var oneFile = new FileInfo(store.PathOf(first.Scope)).Length;
        var small = new ResultCacheStore(_directory, maxBytes: oneFile * 5 / 2, time);

        await small.WriteAsync(Entry("tests/4.dll", "T4.Test"), CancellationToken.None);

        Assert.Equal(
            ["tests/1.dll", "tests/4.dll"],
            Sources.Where(source => File.Exists(small.PathOf(new CacheScope(source, "none")))));
    }

    [Fact]
    public async Task Two_writers_of_one_scope_at_once_leave_one_whole_entry()
    {
        var store = new ResultCacheStore(_directory, maxBytes: 1 << 20);
        var writes = Enumerable.Range(0, 20).Select(index => store.WriteAsync(Entry("tests/A.dll", $"A.T{index}"), CancellationToken.None));

        await Task.WhenAll(writes);

        var read = await store.ReadAsync(new CacheScope("tests/A.dll", "none"), CancellationToken.None);
        Assert.Null(read.Warning);
        Assert.Single(read.Entry!.Passes);
        Assert.Single(Directory.GetFiles(_directory));
    }
}
