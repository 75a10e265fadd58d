namespace Orchestrator.Resources;

/// <summary>A resource could not be provided. The message names the resource and says how to fix it.</summary>
public sealed class ResourceException : Exception
{
    public ResourceException()
    {
    }

    public ResourceException(string message)
        : base(message)
    {
    }

    public ResourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ResourceException(string resource, string message, Exception? innerException = null, string? containerId = null)
        : base(message, innerException)
    {
        Resource = resource;
        ContainerId = containerId;
    }

    /// <summary>The resource (configuration name) concerned.</summary>
    public string? Resource { get; }

    /// <summary>The container concerned, when there was one.</summary>
    public string? ContainerId { get; }
}
