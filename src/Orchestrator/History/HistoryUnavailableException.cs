namespace Orchestrator.History;

/// <summary>The history store could not be reached or used; the run goes on and reports this as a warning.</summary>
public sealed class HistoryUnavailableException : Exception
{
    public HistoryUnavailableException(string location, string message, Exception? innerException = null)
        : base(message, innerException) => Location = location;

    public HistoryUnavailableException()
        : this("", "The history store is unavailable.")
    {
    }

    public HistoryUnavailableException(string message)
        : this("", message)
    {
    }

    public HistoryUnavailableException(string message, Exception innerException)
        : this("", message, innerException)
    {
    }

    /// <summary>Where the store is (a file path, or host and database).</summary>
    public string Location { get; } = "";
}
