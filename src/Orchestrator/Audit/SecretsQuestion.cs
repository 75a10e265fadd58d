using System.Globalization;
using Orchestrator.Configuration;

namespace Orchestrator.Audit;

/// <summary>
/// Are secrets kept out of configuration and reports: no clear-text password in orchestrator.json, .runsettings or
/// appsettings files; and the run's own secrets never printed, which is the tool's property: every <c>{secret}</c>
/// is a new password each run, masked as <c>***</c> in the console, the unit logs and every report.
/// </summary>
internal static class SecretsQuestion
{
    public const string Id = "secrets-out-of-config";
    private const string Question = "Are secrets kept out of configuration files and reports?";

    public static AuditItem Evaluate(AuditFacts facts)
    {
        var perRun = facts.Configuration.Resources.Values.OrderBy(resource => resource.Name, StringComparer.Ordinal)
            .Where(resource => resource.Environment.Values.Concat(resource.Variables.Values).Any(value => value.Contains("{secret}", StringComparison.Ordinal)))
            .Select(resource => facts.At(JsonPath.Property("$.resources", resource.Name),
                $"'{resource.Name}' takes its password from {{secret}}: a new one each run, masked as *** in the console, the unit logs and every report"))
            .DefaultIfEmpty(new AuditEvidence("the run's secrets ({secret}) are new each run and masked as *** in the console, the unit logs and every report"));
        var scanned = string.Create(CultureInfo.InvariantCulture, $"{facts.SettingFiles.Length} settings files");
        if (facts.Secrets.IsEmpty)
        {
            return new AuditItem(Id, Question, AuditAnswer.Yes,
                $"No clear-text secret in the {scanned}; the run's own secrets are never printed.",
                [.. perRun, .. facts.SettingFiles.Select(file => new AuditEvidence("scanned", file))], null);
        }
        return new AuditItem(Id, Question, AuditAnswer.No,
            string.Create(CultureInfo.InvariantCulture, $"{facts.Secrets.Length} clear-text secret{(facts.Secrets.Length == 1 ? "" : "s")} in the {scanned}."),
            [.. facts.Secrets.Select(secret => new AuditEvidence($"'{secret.Name}' is written in clear", secret.File, secret.Line)), .. perRun],
            "Take each password from the environment (a variable set by CI's secret store, read as ${NAME} or {env:NAME}) or, for a service the orchestrator starts, from {secret}; then rotate the ones that were committed.");
    }
}
