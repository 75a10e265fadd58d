using System.CommandLine;
using Orchestrator.Adoption;
using Orchestrator.Cli.Pipeline;
using Orchestrator.Configuration;
using Orchestrator.Pipeline;
using Spectre.Console;

namespace Orchestrator.Cli.Init;

/// <summary>
/// <c>orchestrator init [--force] [--path dir]</c>: scans a repository for test projects and writes a
/// starting <c>orchestrator.json</c> with rules (layer by project name and the resources it needs, resources by
/// client packages and what the repository's workflows, compose and appsettings files and test code say), and
/// offers the .gitignore lines for the orchestrator's state and outputs.
/// </summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var force = new Option<bool>("--force") { Description = "Overwrite an existing orchestrator.json." };
        var path = new Option<string?>("--path") { Description = "Repository root to scan and write orchestrator.json into (default: the current directory)." };
        var command = new Command("init", "Scan the repository for test projects and write a starting orchestrator.json (rules, no traits needed).")
        {
            force, path,
        };
        command.SetAction(async (parse, ct) =>
        {
            var root = Path.GetFullPath(parse.GetValue(path) ?? Directory.GetCurrentDirectory());
            if (!Directory.Exists(root))
            {
                throw new UsageException($"--path '{root}' does not exist: pass the repository root.");
            }
            var target = Path.Combine(root, ConfigurationLoader.FileName);
            if (File.Exists(target) && !parse.GetValue(force))
            {
                throw new UsageException($"{target} already exists; init leaves it as it is. Pass --force to overwrite it, or edit it by hand.");
            }
            var adoption = RepositoryAdoption.Of(root, Path.Combine(AppContext.BaseDirectory, SchemaReference.FileName));
            var json = adoption.ConfigurationJson;
            // The file must load as written; a failure here is a defect of the suggestions, reported as such.
            ConfigurationLoader.Parse(json, target);
            await File.WriteAllTextAsync(target, json, ct);
            var ignored = await GitIgnoreLines.OfferAsync(root, ct);
            Render(adoption, target, ComposeFileHint.For(root), ignored, AnsiConsole.Console);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Render(RepositoryAdoption adoption, string target, string? composeHint, string gitIgnore, IAnsiConsole console)
    {
        if (adoption.Suggestions.IsEmpty)
        {
            console.MarkupLine("[yellow]warning[/] no test project found (a project referencing Microsoft.NET.Test.Sdk, xunit, NUnit or MSTest, or setting IsTestProject).");
        }
        else
        {
            var table = new Table().AddColumns("Project", "Layer", "Rule resources", "Resource traits in source");
            foreach (var suggestion in adoption.Suggestions)
            {
                table.AddRow(
                    Markup.Escape(suggestion.Project.Name),
                    Markup.Escape(suggestion.Layer),
                    Markup.Escape(suggestion.Resources.IsEmpty ? "-" : string.Join(", ", suggestion.Resources)),
                    Markup.Escape(suggestion.TraitResources.IsEmpty ? "-" : string.Join(", ", suggestion.TraitResources)));
            }
            console.Write(table);
        }
        // Plain lines, not wrapped to the console width: they are read in CI logs and copied into issues.
        Console.Out.WriteLine($"Build: {adoption.Solution ?? "(no solution chosen)"}; $schema: {adoption.Schema ?? "(none)"}");
        foreach (var skipped in adoption.Skipped)
        {
            Console.Out.WriteLine($"Left out: {skipped}");
        }
        if (!adoption.Decided.IsEmpty)
        {
            Console.Out.WriteLine($"Decided ({adoption.Decided.Length}), written into the configuration:");
            foreach (var decision in adoption.Decided)
            {
                Console.Out.WriteLine($"  - {decision.Decision}");
                foreach (var evidence in decision.Evidence)
                {
                    Console.Out.WriteLine($"      {evidence}");
                }
            }
        }
        if (!adoption.Undecided.IsEmpty)
        {
            Console.Out.WriteLine($"Could not decide ({adoption.Undecided.Length}), check these first:");
            foreach (var note in adoption.Undecided)
            {
                Console.Out.WriteLine($"  - {note}");
            }
        }
        if (composeHint is not null)
        {
            Console.Out.WriteLine(composeHint);
        }
        Console.Out.WriteLine(gitIgnore);
        Console.Out.WriteLine($"Wrote {target}. Check its descriptions, then run: orchestrator build, orchestrator discover --tests, orchestrator plan --cadence pr.");
    }
}
