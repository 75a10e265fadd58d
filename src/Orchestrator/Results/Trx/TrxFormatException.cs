namespace Orchestrator.Results.Trx;

/// <summary>A TRX file could not be read: it is not XML, or not a VSTest <c>TestRun</c>.</summary>
internal sealed class TrxFormatException : Exception
{
    public TrxFormatException(string path, string message, Exception? innerException = null)
        : base($"Cannot read TRX file '{path}': {message}", innerException)
    {
        Path = path;
    }

    public TrxFormatException()
    {
        Path = string.Empty;
    }

    public TrxFormatException(string message)
        : base(message)
    {
        Path = string.Empty;
    }

    public TrxFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
    }

    /// <summary>The file that could not be read.</summary>
    public string Path { get; }
}
