using Orchestrator.Execution;

namespace Orchestrator.Cli.Run;

/// <summary>Progress shown on the console; disposing ends the display and flushes what is left.</summary>
internal interface IRunProgressRenderer : IRunProgress, IAsyncDisposable;
