namespace Orchestrator.Execution;

/// <summary>
/// What execution keeps of a unit's console output to classify its end: the lines VSTest uses to
/// report an aborted run, a crash, a hang, and the last lines. Thread-safe (stdout and stderr feed it).
/// </summary>
internal sealed class UnitOutput
{
    private const int TailSize = 20;

    /// <summary>How much of one line is kept: a test may print a line of hundreds of megabytes (the log has all of it).</summary>
    internal const int LineLimit = 4 * 1024;

    private const int CrashFrameLimit = 200;
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

    /// <summary>What a dying host prints before its stack; frames after it are the crash's, not a failed test's.</summary>
    private static readonly string[] CrashMarkers =
    [
        "Test host process crashed",
        "The active test run was aborted",
        "Process terminated.",
        "Unhandled exception.",
    ];

    private readonly Lock _lock = new();
    private readonly List<string> _notable = [];
    private readonly Queue<string> _tail = new();
    private readonly List<string> _crashFrames = [];
    private bool _nextIsCrashTest;
    private bool _inCrash;

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
            _inCrash = _inCrash || CrashMarkers.Any(marker => line.Contains(marker, StringComparison.Ordinal));
            if (_inCrash && _crashFrames.Count < CrashFrameLimit && CrashStack.MethodOf(line) is { } method)
            {
                _crashFrames.Add(method);
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

    /// <summary>The methods on the stack the host printed when it crashed, innermost first, as <c>Ns.Class.Method</c>.</summary>
    internal IReadOnlyList<string> CrashFrames
    {
        get
        {
            lock (_lock)
            {
                return [.. _crashFrames];
            }
        }
    }

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
