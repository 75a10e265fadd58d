namespace Orchestrator.Discovery;

/// <summary>Listing the tests of one assembly failed: the process crashed, exited non-zero or wrote no complete log.</summary>
internal sealed class DiscoveryCrashedException : Exception
{
    public DiscoveryCrashedException(string assemblyPath, int? exitCode, string output, string message)
        : base(message)
    {
        AssemblyPath = assemblyPath;
        ExitCode = exitCode;
        Output = output;
    }

    public DiscoveryCrashedException()
        : this("", null, "", "Discovery crashed.")
    {
    }

    public DiscoveryCrashedException(string message)
        : this("", null, "", message)
    {
    }

    public DiscoveryCrashedException(string message, Exception innerException)
        : base(message, innerException)
    {
        AssemblyPath = "";
        Output = "";
    }

    public string AssemblyPath { get; } = "";

    public int? ExitCode { get; }

    /// <summary>The tail of the process output, for the report.</summary>
    public string Output { get; } = "";
}
