using System.CommandLine;
using Orchestrator.Cli.Pipeline;
using Orchestrator.Configuration;
using Orchestrator.Discovery;
using Orchestrator.Model;
using Spectre.Console;

namespace Orchestrator.Cli.Discover;

/// <summary><c>orchestrator discover [--json | --tests] [--config path]</c>: the test inventory per layer and resource set.</summary>
internal static class DiscoverCommand
{
    public const string DefaultManifestDirectory = "artifacts/orchestrator/manifests";
    public const string DefaultCacheDirectory = ".orchestrator/cache/discovery";

    /// <param name="loadConfiguration">Loads the configuration from a path (null: the default file).</param>
    public static Command Create(Func<string?, OrchestratorConfiguration> loadConfiguration)
    {
        ArgumentNullException.ThrowIfNull(loadConfiguration);
        var json = new Option<bool>("--json") { Description = "Write every test with its layer, resources and their origins as JSON." };
        var tests = new Option<bool>("--tests") { Description = "List every test with its layer, resources and their origins (trait, project, rule, default)." };
        var config = new Option<string?>("--config") { Description = "Configuration file (default: orchestrator.json)." };
        var manifests = new Option<string>("--manifests")
        {
            Description = "Directory of the test project manifests the build wrote.",
            DefaultValueFactory = _ => DefaultManifestDirectory,
        };
        var cache = new Option<string>("--cache")
        {
            Description = "Discovery cache directory.",
            DefaultValueFactory = _ => DefaultCacheDirectory,
        };

        var command = new Command("discover", "List the tests of the built solution per layer and resource set.") { json, tests, config, manifests, cache };
        command.SetAction(async (parse, ct) =>
        {
            var configuration = loadConfiguration(parse.GetValue(config));
            // Relative directories are taken from the configuration file's directory (the repository root), else the current one.
            var baseDirectory = Path.GetDirectoryName(configuration.SourcePath) is { Length: > 0 } configurationDirectory
                ? Path.GetFullPath(configurationDirectory)
                : Directory.GetCurrentDirectory();
            var request = new DiscoveryRequest
            {
                Configuration = configuration,
                ManifestDirectory = Path.GetFullPath(parse.GetValue(manifests)!, baseDirectory),
                LoggerDirectory = AppContext.BaseDirectory,
                CacheDirectory = Path.GetFullPath(parse.GetValue(cache)!, baseDirectory),
            };
            var inventory = await TestDiscoverer.DiscoverAsync(request, ct);
            if (parse.GetValue(json))
            {
                await using var output = Console.OpenStandardOutput();
                InventoryJsonWriter.Write(inventory, configuration.Layers, output);
                await output.WriteAsync("\n"u8.ToArray(), ct);
            }
            else
            {
                if (parse.GetValue(tests))
                {
                    TestListView.Render(inventory, AnsiConsole.Console);
                }
                Render(inventory, configuration, AnsiConsole.Console);
            }

            return inventory.IsIncomplete ? ExitCodes.TestsFailed : ExitCodes.Success;
        });
        return command;
    }

    internal static void Render(TestInventory inventory, OrchestratorConfiguration configuration, IAnsiConsole console)
    {
        var summary = InventorySummary.Of(inventory, configuration.Layers);
        var table = new Table().AddColumns("Layer", "Resources", "Tests", "Cases");
        foreach (var row in summary.Rows)
        {
            table.AddRow(
                Markup.Escape(row.Layer),
                Markup.Escape(row.Resources.ToString()),
                row.Tests.ToString(System.Globalization.CultureInfo.InvariantCulture),
                row.Cases.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(table);
        foreach (var problem in inventory.Problems)
        {
            var label = problem.Severity == ProblemSeverity.Error ? "[red]error[/]" : "[yellow]warning[/]";
            console.MarkupLine($"{label} {Markup.Escape(problem.Subject)}: {Markup.Escape(problem.Message)}");
        }

        console.WriteLine($"{summary.TotalTests} tests in {summary.Rows.Count} partition(s).");
    }
}
