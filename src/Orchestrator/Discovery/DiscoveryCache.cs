using System.Security.Cryptography;
using System.Text.Json;

namespace Orchestrator.Discovery;

/// <summary>
/// Discovery results stored under a SHA-256 of everything that changes what discovery finds:
/// the test assembly, its deps.json and runtimeconfig.json, and the logger assembly. An unchanged
/// assembly is never rediscovered; a changed one gets a new key.
/// </summary>
internal sealed class DiscoveryCache(string directory)
{
    private const int FormatVersion = 2;

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>Hex SHA-256 over the assembly, its companion files and the logger.</summary>
    public static async Task<string> ComputeKeyAsync(string assemblyPath, string loggerAssemblyPath, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(BitConverter.GetBytes(FormatVersion));
        var companions = new[]
        {
            assemblyPath,
            Path.ChangeExtension(assemblyPath, ".deps.json"),
            Path.ChangeExtension(assemblyPath, ".runtimeconfig.json"),
            loggerAssemblyPath,
        };
        foreach (var path in companions)
        {
            hash.AppendData(BitConverter.GetBytes(path.Length > 0 && File.Exists(path)));
            if (!File.Exists(path))
            {
                continue;
            }

            var content = await File.ReadAllBytesAsync(path, ct);
            hash.AppendData(BitConverter.GetBytes(content.LongLength));
            hash.AppendData(content);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The cached cases for <paramref name="key"/>, with <see cref="DiscoveredCase.Source"/> set to <paramref name="assemblyPath"/>; null when absent or unreadable.</summary>
    public async Task<IReadOnlyList<DiscoveredCase>?> TryReadAsync(string key, string assemblyPath, CancellationToken ct)
    {
        var path = EntryPath(key);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            var entry = await JsonSerializer.DeserializeAsync(stream, DiscoveryJsonContext.Default.CachedDiscovery, ct);
            if (entry is null || entry.FormatVersion != FormatVersion)
            {
                return null;
            }

            return [.. entry.Cases.Select(cached => new DiscoveredCase(
                cached.FullyQualifiedName,
                cached.DisplayName,
                assemblyPath,
                DiscoveryLog.ToTraits(cached.Traits),
                cached.Categories)
            {
                Id = cached.Id,
            })];
        }
        catch (Exception exception) when (exception is JsonException or IOException)
        {
            // A damaged entry is a cache miss: discovery runs again and rewrites it.
            return null;
        }
    }

    public async Task WriteAsync(string key, IReadOnlyList<DiscoveredCase> cases, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var entry = new CachedDiscovery(FormatVersion, [.. cases.Select(testCase => new CachedCase(
            testCase.FullyQualifiedName,
            testCase.DisplayName,
            [.. testCase.Traits.Select(trait => new DiscoveryLogTrait(trait.Name, trait.Value))],
            testCase.Categories)
        {
            Id = testCase.Id,
        })]);

        // Write beside, then move: a reader never sees half an entry, and parallel writers of one key agree.
        var temporary = Path.Combine(Directory, $"{key}.{Guid.NewGuid():N}.tmp");
        await using (var stream = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, entry, DiscoveryJsonContext.Default.CachedDiscovery, ct);
        }

        File.Move(temporary, EntryPath(key), overwrite: true);
    }

    private string EntryPath(string key) => Path.Combine(Directory, key + ".json");
}
