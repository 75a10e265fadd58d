namespace Orchestrator.Execution;

/// <summary>The processes of this machine as the end of a unit sees them: found by an environment entry, killed, named.</summary>
internal interface IProcessTable
{
    /// <summary>Processes whose environment holds a variable named <paramref name="variable"/>.</summary>
    IReadOnlyList<int> Carrying(string variable);

    /// <summary>Kills the process and its descendants; nothing when it is gone.</summary>
    void Kill(int processId);

    /// <summary>True while the process exists and is not a zombie.</summary>
    bool IsAlive(int processId);

    /// <summary>The process's command line, for a message.</summary>
    string Describe(int processId);
}
