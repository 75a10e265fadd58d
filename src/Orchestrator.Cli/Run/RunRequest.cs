using Orchestrator.Planning;

namespace Orchestrator.Cli.Run;

/// <summary>What the user asked <c>run</c> to do.</summary>
internal sealed record RunRequest(string Cadence, Shard? Shard, string ResultsDirectory);
