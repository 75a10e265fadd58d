using System.Globalization;
using System.Text;
using Orchestrator.Resources;

namespace Orchestrator.Docker.Isolation;

/// <summary>
/// Numbers the namespaces of a kept instance (Redis database indexes) across every process that uses it: <c>up</c> and
/// each <c>run --reuse</c> take the next number from one file, held exclusively while it is read and written, so no two
/// runs are ever handed the same database.
/// </summary>
internal sealed class NamespaceCounterFile(string path, string resource)
{
    private static readonly TimeSpan _lockDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan _lockPoll = TimeSpan.FromMilliseconds(20);

    public string Path { get; } = path;

    public int Next()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var deadline = DateTimeOffset.UtcNow + _lockDeadline;
        while (true)
        {
            try
            {
                using var file = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                using var reader = new StreamReader(file, Encoding.UTF8, leaveOpen: true);
                var last = int.TryParse(reader.ReadToEnd().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var read) ? read : 0;
                var next = last + 1;
                file.SetLength(0);
                var bytes = Encoding.UTF8.GetBytes(next.ToString(CultureInfo.InvariantCulture));
                file.Write(bytes);
                return next;
            }
            catch (IOException exception) when (exception is not FileNotFoundException and not DirectoryNotFoundException)
            {
                if (DateTimeOffset.UtcNow > deadline)
                {
                    throw new ResourceException(resource,
                        $"The namespace counter {Path} stayed locked for {_lockDeadline.TotalSeconds:0} s ({exception.Message}): end the process holding it, or run 'orchestrator down' and 'orchestrator up' again.", exception);
                }
                Thread.Sleep(_lockPoll);
            }
        }
    }
}
