namespace Orchestrator.Configuration;

public enum IsolationMode
{
    /// <summary>One container for every partition that needs the resource, each partition in its own namespace.</summary>
    Shared,

    /// <summary>One container per partition.</summary>
    Dedicated,
}
