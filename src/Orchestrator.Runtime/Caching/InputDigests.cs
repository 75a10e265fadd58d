using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace Orchestrator.Runtime.Caching;

/// <summary>
/// Digests of files a key depends on beyond a test assembly's output: the files a <c>cache.inputs</c> pattern matches
/// (their paths and contents, so adding, removing or editing one changes the digest), and the orchestrator's own
/// assemblies (the test logger among them runs inside every test host).
/// </summary>
internal static class InputDigests
{
    /// <param name="root">The directory patterns are relative to (the configuration file's).</param>
    /// <param name="pattern">A glob such as <c>tests/data/**</c> or <c>**/*.sql</c>.</param>
    public static async Task<string> OfPatternAsync(string root, string pattern, CancellationToken ct)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(pattern);
        var files = matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(root))).Files
            .Select(match => match.Path.Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(relative => (Name: relative, Path: Path.Combine(root, relative)));
        return await OfFilesAsync(files, ct);
    }

    /// <summary>The orchestrator's assemblies beside the running tool.</summary>
    public static Task<string> OfToolAsync(CancellationToken ct) =>
        OfFilesAsync(
            System.IO.Directory.EnumerateFiles(AppContext.BaseDirectory, "Orchestrator*.dll")
                .Order(StringComparer.Ordinal)
                .Select(path => (Name: Path.GetFileName(path), Path: path)),
            ct);

    /// <summary>A SHA-256 over each file's name, length and content, in the order given.</summary>
    public static async Task<string> OfFilesAsync(IEnumerable<(string Name, string Path)> files, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        foreach (var (name, path) in files)
        {
            var bytes = Encoding.UTF8.GetBytes(name);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, buffer.Length, useAsync: true);
            hash.AppendData(BitConverter.GetBytes(stream.Length));
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
