using System.CommandLine;
using Orchestrator.Cli.Pipeline;
using Orchestrator.History;
using Orchestrator.Pipeline;

namespace Orchestrator.Cli.Flaky;

/// <summary>
/// <c>orchestrator flaky [--runs N] [--days D] [--json]</c>: reads the history store and prints the tests by flaky rate,
/// the newly failing tests, the slowest with their trend, and the quarantine candidates. Never changes the configuration.
/// </summary>
internal static class FlakyCommand
{
    public static Command Create(TimeProvider? time = null)
    {
        var config = CommonOptions.Config();
        var json = CommonOptions.Json();
        var runs = new Option<int>("--runs")
        {
            Description = "Look at each test's last N recorded runs.",
            DefaultValueFactory = _ => HistoryWindow.Default.Runs ?? 30,
        };
        runs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--runs must be at least 1, e.g. --runs 20.");
            }
        });
        var days = new Option<int?>("--days") { Description = "Look only at runs of the last D days." };
        days.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--days must be at least 1, e.g. --days 14.");
            }
        });
        var command = new Command("flaky", "Show the tests' history: flaky rates, new failures, slowest tests and their trend, quarantine candidates.")
        {
            config, runs, days, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var workspace = Workspace.For(ConfigurationSource.Load(parse.GetValue(config)));
            var store = HistoryStores.Open(workspace)
                ?? throw new UsageException($"The history is turned off in {workspace.Configuration.SourcePath}: set \"history\": {{ \"enabled\": true }} and run the tests to record it.");
            var now = (time ?? TimeProvider.System).GetUtcNow();
            var window = new HistoryWindow(parse.GetValue(runs), parse.GetValue(days));
            IReadOnlyList<TestHistoryRecord> records;
            try
            {
                records = await store.ReadAsync(window.Days is { } limit ? now.AddDays(-limit) : DateTimeOffset.MinValue, null, ct);
            }
            catch (HistoryUnavailableException unavailable)
            {
                throw new UsageException($"The test history at {store.Location} could not be read: {unavailable.Message}");
            }
            var report = HistoryAnalysis.Analyze(records, window, now, workspace.Configuration.History.QuarantineCandidatePercent / 100.0);
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync(parse.GetValue(json) ? FlakyView.ToJson(report) : FlakyView.ToText(report, window, store.Location));
            return ExitCodes.Success;
        });
        return command;
    }
}
