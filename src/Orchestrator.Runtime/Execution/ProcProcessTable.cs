using System.Globalization;
using System.Text;

namespace Orchestrator.Execution;

/// <summary>The processes of this machine read from Linux's /proc; empty where there is none.</summary>
internal sealed class ProcProcessTable : IProcessTable
{
    private const string Root = "/proc";
    private const int DescriptionLength = 200;

    public static ProcProcessTable Instance { get; } = new();

    public IReadOnlyList<int> Carrying(string variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (!Directory.Exists(Root))
        {
            return [];
        }
        var entry = Encoding.UTF8.GetBytes(variable + "=");
        var carrying = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories(Root))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && pid != Environment.ProcessId
                && Read(Path.Combine(directory, "environ")) is { } environment
                && Holds(environment, entry))
            {
                carrying.Add(pid);
            }
        }
        return carrying;
    }

    public void Kill(int processId) => ProcessTree.Kill(processId);

    public bool IsAlive(int processId)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(Root, processId.ToString(CultureInfo.InvariantCulture), "stat"));
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0] != "Z";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public string Describe(int processId)
    {
        var commandLine = Read(Path.Combine(Root, processId.ToString(CultureInfo.InvariantCulture), "cmdline")) is { Length: > 0 } bytes
            ? Encoding.UTF8.GetString(bytes).TrimEnd('\0').Replace('\0', ' ')
            : "?";
        return commandLine.Length > DescriptionLength ? commandLine[..DescriptionLength] + "…" : commandLine;
    }

    /// <summary>True when one of the NUL-separated entries of <paramref name="environment"/> starts with <paramref name="entry"/>.</summary>
    private static bool Holds(byte[] environment, byte[] entry)
    {
        var span = environment.AsSpan();
        while (span.Length > 0)
        {
            var end = span.IndexOf((byte)0);
            var current = end < 0 ? span : span[..end];
            if (current.StartsWith(entry))
            {
                return true;
            }
            span = end < 0 ? [] : span[(end + 1)..];
        }
        return false;
    }

    private static byte[]? Read(string file)
    {
        try
        {
            return File.ReadAllBytes(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Gone meanwhile, or not ours to read.
            return null;
        }
    }
}
