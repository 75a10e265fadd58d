using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Runtime.Caching;

/// <summary>
/// A SHA-256 over every file under a directory (relative path and content, in ordinal order of the paths): what a test
/// host loads from a test assembly's output directory. <c>TestResults</c> folders are left out, since test runs write there.
/// </summary>
internal static class DirectoryDigest
{
    private static readonly string[] Excluded = ["TestResults"];

    public static async Task<string> OfAsync(string directory, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var root = Path.GetFullPath(directory);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(relative => !Excluded.Any(folder => relative.StartsWith(folder + "/", StringComparison.Ordinal) || relative.Contains("/" + folder + "/", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);
        var buffer = new byte[81920];
        foreach (var relative in files)
        {
            var name = Encoding.UTF8.GetBytes(relative);
            hash.AppendData(BitConverter.GetBytes(name.Length));
            hash.AppendData(name);
            await using var stream = new FileStream(Path.Combine(root, relative), FileMode.Open, FileAccess.Read, FileShare.ReadWrite, buffer.Length, useAsync: true);
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
