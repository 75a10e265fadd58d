using System.Text;

namespace Orchestrator.Reporting.Ci;

/// <summary>
/// Azure Pipelines logging commands (<c>##vso[task.logissue type=error;sourcepath=…;linenumber=…]message</c>,
/// <c>##[group]</c>), escaped as the agent unescapes them: <c>%</c> as <c>%AZP25</c>, CR and LF everywhere, and
/// <c>;</c> and <c>]</c> in properties, which they delimit. The test's name leads the message: an issue has no title.
/// </summary>
internal sealed class AzureLoggingCommands : ICiLogCommands
{
    public string ErrorAnnotation(string title, string message, SourceLocation? location)
    {
        var properties = new StringBuilder("type=error");
        if (location is not null)
        {
            properties.Append(";sourcepath=").Append(Property(location.File)).Append(";linenumber=").Append(location.Line);
        }
        return $"##vso[task.logissue {properties}]{Data(title + ": " + message)}";
    }

    public string GroupStart(string name) => $"##[group]{Data(name)}";

    public string GroupEnd() => "##[endgroup]";

    private static string Data(string text) => text.Replace("%", "%AZP25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) => Data(text)
        .Replace(";", "%3B", StringComparison.Ordinal)
        .Replace("]", "%5D", StringComparison.Ordinal);
}
