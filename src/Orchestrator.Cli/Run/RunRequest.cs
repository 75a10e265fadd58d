using Orchestrator.Planning;
using Orchestrator.Reporting.Ci;

namespace Orchestrator.Cli.Run;

/// <summary>What the user asked <c>run</c> to do.</summary>
/// <param name="Timings">An explicit timings file to plan by; null plans by the workspace's own history, or by none when sharded.</param>
/// <param name="Ci">The CI service whose log gets the failures as annotations; null writes none.</param>
internal sealed record RunRequest(string Cadence, Shard? Shard, string ResultsDirectory, string? Timings = null, CiService? Ci = null);
