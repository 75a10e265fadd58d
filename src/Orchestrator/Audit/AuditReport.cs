using System.Collections.Immutable;
using System.Globalization;

namespace Orchestrator.Audit;

/// <summary>Every answered question and the questions left to the team. The score counts yes among the answerable (yes or no) ones.</summary>
public sealed record AuditReport(string ConfigurationPath, ImmutableArray<AuditItem> Items, ImmutableArray<TeamQuestion> ForTheTeam)
{
    public int Yes => Items.Count(item => item.Answer == AuditAnswer.Yes);

    /// <summary>Questions the audit could answer yes or no; an unknown one is left out of the score until its facts exist.</summary>
    public int Answerable => Items.Count(item => item.Answer != AuditAnswer.Unknown);

    public int Unknown => Items.Length - Answerable;

    /// <summary>E.g. <c>5/7 (1 unknown)</c>.</summary>
    public string Score => string.Create(CultureInfo.InvariantCulture, $"{Yes}/{Answerable}") + (Unknown > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({Unknown} unknown)") : "");
}
