using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Orchestrator.Caching;

namespace Orchestrator.Runtime.Caching;

/// <summary>
/// The result cache on disk: one small JSON file per scope (assembly and resource set) in one directory, written whole
/// to a temporary file and renamed over the old one, so a reader never sees half a file and two runs sharing the
/// directory cannot damage it (the later writer wins; what the other recorded is at worst a cache miss next time).
/// A read marks the file used; past <see cref="MaxBytes"/> the least recently used files are removed.
/// </summary>
internal sealed class ResultCacheStore
{
    private readonly TimeProvider _time;

    public ResultCacheStore(string directory, long maxBytes, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        Directory = Path.GetFullPath(directory);
        MaxBytes = maxBytes;
        _time = time ?? TimeProvider.System;
    }

    public string Directory { get; }

    public long MaxBytes { get; }

    public async Task<CacheRead> ReadAsync(CacheScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var path = PathOf(scope);
        StoredCacheEntry? stored;
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stored = await JsonSerializer.DeserializeAsync(stream, CacheJsonContext.Default.StoredCacheEntry, ct);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return CacheRead.Missing;
        }
        catch (JsonException exception)
        {
            return Damaged(scope, path, exception.Message);
        }
        var entry = stored?.ToEntry(scope);
        if (entry is null)
        {
            return stored is { FormatVersion: var version } && version != CacheKey.FormatVersion
                ? CacheRead.Missing
                : Damaged(scope, path, "its key does not match its inputs or its scope");
        }
        MarkUsed(path);
        return new CacheRead(entry, null);
    }

    public async Task WriteAsync(CacheEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        System.IO.Directory.CreateDirectory(Directory);
        var path = PathOf(entry.Scope);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                await JsonSerializer.SerializeAsync(stream, StoredCacheEntry.From(entry), CacheJsonContext.Default.StoredCacheEntry, ct);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        Evict(keep: path);
    }

    /// <summary>Removes the least recently used entries until the directory is within <see cref="MaxBytes"/>; never <paramref name="keep"/>.</summary>
    private void Evict(string keep)
    {
        var files = new DirectoryInfo(Directory).EnumerateFiles("*.json").ToList();
        var total = files.Sum(file => file.Length);
        foreach (var file in files.OrderBy(file => file.LastWriteTimeUtc).ThenBy(file => file.Name, StringComparer.Ordinal))
        {
            if (total <= MaxBytes)
            {
                return;
            }
            if (file.FullName == keep)
            {
                continue;
            }
            var length = file.Length;
            try
            {
                file.Delete();
                total -= length;
            }
            catch (IOException)
            {
                // Another run removed or replaced it first.
            }
        }
    }

    private void MarkUsed(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, _time.GetUtcNow().UtcDateTime);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Only eviction order suffers.
        }
    }

    private static CacheRead Damaged(CacheScope scope, string path, string why)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The warning below still names it.
        }
        return new CacheRead(null, $"The result cache entry for {scope} ({path}) could not be read ({why}); it was removed and its tests run.");
    }

    /// <summary>The file that holds <paramref name="scope"/>'s entry.</summary>
    internal string PathOf(CacheScope scope) =>
        Path.Combine(Directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{scope.Source}\n{scope.Resources}")))[..32] + ".json");
}
