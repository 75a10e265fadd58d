using System.CommandLine;
using Orchestrator.Audit;
using Orchestrator.Cli.Pipeline;
using Orchestrator.History;
using Orchestrator.Pipeline;

namespace Orchestrator.Cli.Audit;

/// <summary>
/// <c>orchestrator audit [--config path] [--json] [--results dir]</c>: answers the integration-testing readiness
/// questions yes / no / unknown with evidence and the fix, and writes audit.md and audit.json beside the reports. A
/// report, not a gate: exit code 0 whatever the answers; a usage error is 2 like every command's.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var json = CommonOptions.Json();
        var results = new Option<string?>("--results")
        {
            Description = $"Where audit.md and audit.json are written, beside the run's reports (default: {Workspace.ResultsDirectoryName} beside the configuration file).",
        };
        var command = new Command("audit", "Answer the integration-testing readiness questions (layers, isolation, waits, pinned images, secrets, production versions, quarantine owners) with evidence and the fix.")
        {
            config, json, results,
        };
        command.SetAction(async (parse, ct) =>
        {
            var workspace = Workspace.For(ConfigurationSource.Load(parse.GetValue(config)));
            var report = await ReadinessAuditor.AuditAsync(workspace, await RecentRunsAsync(workspace, ct), ct);
            await ReadinessAuditor.WriteAsync(report, workspace.Resolve(parse.GetValue(results) ?? Workspace.ResultsDirectoryName), ct);
            await Console.Out.WriteAsync(parse.GetValue(json) ? AuditText.Json(report) + "\n" : AuditText.Console(report));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The runs the history holds, oldest first; null when history is off or cannot be read (the question is then unknown).</summary>
    private static async Task<IReadOnlyList<RecentRun>?> RecentRunsAsync(Workspace workspace, CancellationToken ct)
    {
        if (HistoryStores.Open(workspace) is not { } store)
        {
            return null;
        }
        try
        {
            var runs = RecentRun.From(await store.ReadAsync(DateTimeOffset.MinValue, null, ct));
            return runs.Count == 0 ? null : runs;
        }
        catch (HistoryUnavailableException unavailable)
        {
            await Console.Error.WriteLineAsync($"warning history: {store.Location} could not be read ({unavailable.Message}); the consecutive-runs question stays unknown.");
            return null;
        }
    }
}
