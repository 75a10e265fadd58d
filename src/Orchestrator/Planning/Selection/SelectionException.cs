namespace Orchestrator.Planning.Selection;

/// <summary>A slice (<c>--filter</c>, <c>--project</c>) that selects no discovered test: a usage error, with what it was matched against.</summary>
internal sealed class SelectionException : Exception
{
    public SelectionException(string message)
        : base(message)
    {
    }

    public SelectionException()
    {
    }

    public SelectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
