namespace Orchestrator.TestingPlatform;

/// <summary>A Microsoft.Testing.Platform test application could not be driven: it did not start, connect or answer.</summary>
internal sealed class TestingPlatformException : Exception
{
    public TestingPlatformException()
    {
    }

    public TestingPlatformException(string message)
        : base(message)
    {
    }

    public TestingPlatformException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
