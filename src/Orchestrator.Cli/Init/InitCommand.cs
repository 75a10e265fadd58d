using System.CommandLine;
using Orchestrator.Adoption;
using Orchestrator.Cli.Pipeline;
using Orchestrator.Configuration;
using Spectre.Console;

namespace Orchestrator.Cli.Init;

/// <summary>
/// <c>orchestrator init [--force] [--path dir]</c>: scans a repository for test projects and writes a
/// starting <c>orchestrator.json</c> with rules (layer by project name, resources by client packages).
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
        command.SetAction((parse, ct) => CommandErrors.GuardAsync(async () =>
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
            var adoption = RepositoryAdoption.Of(root);
            var json = adoption.ConfigurationJson;
            // The file must load as written; a failure here is a defect of the suggestions, reported as such.
            ConfigurationLoader.Parse(json, target);
            await File.WriteAllTextAsync(target, json, ct);
            Render(adoption, target, AnsiConsole.Console);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Render(RepositoryAdoption adoption, string target, IAnsiConsole console)
    {
        if (adoption.Suggestions.IsEmpty)
        {
            console.MarkupLine("[yellow]warning[/] no test project found (a project referencing Microsoft.NET.Test.Sdk, xunit, NUnit or MSTest, or setting IsTestProject).");
        }
        else
        {
            var table = new Table().AddColumns("Project", "Layer", "Resources");
            foreach (var suggestion in adoption.Suggestions)
            {
                table.AddRow(
                    Markup.Escape(suggestion.Project.RelativePath),
                    Markup.Escape(suggestion.Layer),
                    Markup.Escape(suggestion.Resources.IsEmpty ? "-" : string.Join(", ", suggestion.Resources)));
            }
            console.Write(table);
        }
        console.MarkupLine($"Wrote [bold]{Markup.Escape(target)}[/]. Check its descriptions, then run [bold]orchestrator discover[/] and [bold]orchestrator plan --cadence pr[/].");
    }
}
