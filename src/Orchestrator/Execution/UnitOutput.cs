namespace Orchestrator.Execution;

/// <summary>
/// What execution keeps of a unit's console output to classify its end: the lines VSTest uses to
/// report an aborted run, a crash, a hang, and the last lines. Thread-safe (stdout and stderr feed it).
/// </summary>
public sealed class UnitOutput
{
    private const int TailSize = 20;

    /// <summary>How much of one line is kept: a test may print a line of hundreds of megabytes (the log has all of it).</summary>
    internal const int LineLimit = 4 * 1024;
    private static readonly string[] Markers =
    [
        "The active test run was aborted",
        "Test host process crashed",
        "inactivity time",
        "Test Run Aborted",
        "The test running when the crash occurred",
        "No test source files were specified",
        "could not be found",
        "Could not find",
    ];

    private readonly Lock _lock = new();
    private readonly List<string> _notable = [];
    private readonly Queue<string> _tail = new();
    private bool _nextIsCrashTest;

    public void Add(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length > LineLimit)
        {
            line = string.Concat(line.AsSpan(0, LineLimit), $" […{(line.Length - LineLimit).ToString(System.Globalization.CultureInfo.InvariantCulture)} more characters in the unit's log]");
        }
        lock (_lock)
        {
            if (_nextIsCrashTest && !string.IsNullOrWhiteSpace(line))
            {
                CrashingTest ??= line.Trim();
                _nextIsCrashTest = false;
            }
            if (Markers.Any(marker => line.Contains(marker, StringComparison.OrdinalIgnoreCase)))
            {
                _notable.Add(line.Trim());
                _nextIsCrashTest |= line.Contains("The test running when the crash occurred", StringComparison.Ordinal);
            }
            _tail.Enqueue(line);
            if (_tail.Count > TailSize)
            {
                _tail.Dequeue();
            }
        }
    }

    /// <summary>The test VSTest names as running when the host died.</summary>
    public string? CrashingTest { get; private set; }

    public IReadOnlyList<string> NotableLines
    {
        get
        {
            lock (_lock)
            {
                return [.. _notable];
            }
        }
    }

    public IReadOnlyList<string> LastLines
    {
        get
        {
            lock (_lock)
            {
                return [.. _tail];
            }
        }
    }

    /// <summary>What best tells why the process ended: its notable lines, else its last three; empty when it printed nothing.</summary>
    internal string LastWords()
    {
        var lines = NotableLines.Count > 0 ? NotableLines : LastLines.TakeLast(3).ToList();
        return string.Join(" / ", lines.Select(line => line.Trim()));
    }

    public bool Contains(string marker) => NotableLines.Any(line => line.Contains(marker, StringComparison.OrdinalIgnoreCase));
}
