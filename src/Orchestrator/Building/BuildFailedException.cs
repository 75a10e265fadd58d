using System.Collections.Immutable;

namespace Orchestrator.Building;

/// <summary><c>dotnet build</c> ran and failed: its exit code and the error lines it printed.</summary>
internal sealed class BuildFailedException : BuildException
{
    public BuildFailedException()
    {
    }

    public BuildFailedException(string message)
        : base(message)
    {
    }

    public BuildFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BuildFailedException(string message, int exitCode, ImmutableArray<string> errors)
        : base(message)
    {
        ExitCode = exitCode;
        Errors = errors;
    }

    public int ExitCode { get; }

    public ImmutableArray<string> Errors { get; } = [];
}
