using System.CommandLine;
using Orchestrator.Cli.Pipeline;
using Orchestrator.Configuration;
using Orchestrator.History;
using Orchestrator.Pipeline;
using Orchestrator.Reporting;
using Orchestrator.Security;

namespace Orchestrator.Cli.Merge;

/// <summary>
/// <c>orchestrator merge &lt;dirs…&gt; [--output dir]</c>: merges result directories of several runs or shards
/// (each written by <c>orchestrator run</c>, holding <c>run.json</c>) into one set of per-layer reports.
/// Prints the summary line last; exits non-zero when any test failed or was not run.
/// </summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var directories = new Argument<string[]>("directories")
        {
            Description = "Result directories to merge (each holds run.json and units/).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Directory to write the merged reports to.",
            DefaultValueFactory = _ => ReportOptions.DefaultResultsDirectory,
        };
        var timings = new Option<string?>("--timings")
        {
            Description = "Timings file to fold the merged durations into (e.g. artifacts/orchestrator/timings.json).",
        };
        var flakyFailsBuild = new Option<bool>("--flaky-fails-build")
        {
            Description = "Fail when a test failed and then passed on a re-run.",
        };
        var quarantine = new Option<string[]>("--quarantine")
        {
            Description = "Fully qualified name pattern (* wildcard) of tests that never fail the build; repeatable.",
            AllowMultipleArgumentsPerToken = true,
        };
        var layers = new Option<string[]>("--layers")
        {
            Description = "Layers in report order.",
            DefaultValueFactory = _ => ["unit", "integration", "e2e"],
            AllowMultipleArgumentsPerToken = true,
        };

        var config = CommonOptions.Config();
        config.Description = "Configuration whose history store records the merged run (default: the nearest orchestrator.json up from the current directory; none found: nothing is recorded).";

        var command = new Command("merge", "Merge result directories of several runs or shards into one report (TRX, JUnit, summary.md, report.html).")
        {
            directories,
            output,
            timings,
            flakyFailsBuild,
            quarantine,
            layers,
            config,
        };

        command.SetAction(async (parseResult, ct) =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            var options = new ReportOptions(parseResult.GetRequiredValue(output))
            {
                TimingsPath = parseResult.GetValue(timings),
                FlakyFailsBuild = parseResult.GetValue(flakyFailsBuild),
                Quarantine = [.. parseResult.GetValue(quarantine) ?? []],
                Layers = [.. parseResult.GetValue(layers) ?? []],
                Redactor = new SecretRedactor(),
                History = await HistoryOf(parseResult.GetValue(config), ct),
            };
            ResultsReport report;
            try
            {
                report = await MergePipeline.MergeAsync(parseResult.GetRequiredValue(directories), options, ct);
            }
            catch (Exception exception) when (exception is FileNotFoundException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                // Inputs that cannot be merged at all (a missing or invalid run.json) are the user's to fix.
                throw new UsageException($"merge: {exception.Message}");
            }

            foreach (var warning in report.Warnings)
            {
                await stderr.WriteLineAsync($"warning: {warning}");
            }
            await stdout.WriteLineAsync($"Reports written to {Path.GetFullPath(options.ResultsDirectory)}:");
            foreach (var file in report.Files)
            {
                await stdout.WriteLineAsync($"  {Path.GetFileName(file)}");
            }
            if (report.Verdict.Problems > 0)
            {
                await stdout.WriteLineAsync($"{report.Verdict.Problems} problem(s) outside the tests (listed in summary.md): the merged run fails.");
            }
            await stdout.WriteLineAsync(report.Verdict.SummaryLine);
            return report.Verdict.ExitCode;
        });
        return command;
    }

    /// <summary>The history of the named or nearest configuration; a merge outside any workspace records nothing.</summary>
    private static async Task<HistoryOptions?> HistoryOf(string? configPath, CancellationToken ct)
    {
        if (configPath is null && ConfigurationLoader.FindDefault(Directory.GetCurrentDirectory()) is null)
        {
            return null;
        }
        return await HistoryStores.OptionsAsync(Workspace.For(ConfigurationSource.Load(configPath)), ct);
    }
}
