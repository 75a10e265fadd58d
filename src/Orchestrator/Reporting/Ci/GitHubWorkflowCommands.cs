using System.Text;

namespace Orchestrator.Reporting.Ci;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…,title=…::message</c>, <c>::group::</c>), escaped as the
/// runner unescapes them: <c>%</c>, CR and LF everywhere, and <c>:</c> and <c>,</c> in properties, which they delimit.
/// </summary>
internal sealed class GitHubWorkflowCommands : ICiLogCommands
{
    public string ErrorAnnotation(string title, string message, SourceLocation? location)
    {
        var properties = new StringBuilder();
        if (location is not null)
        {
            properties.Append("file=").Append(Property(location.File)).Append(",line=").Append(location.Line).Append(',');
        }
        properties.Append("title=").Append(Property(title));
        return $"::error {properties}::{Data(message)}";
    }

    public string GroupStart(string name) => $"::group::{Data(name)}";

    public string GroupEnd() => "::endgroup::";

    private static string Data(string text) => text.Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) => Data(text)
        .Replace(":", "%3A", StringComparison.Ordinal)
        .Replace(",", "%2C", StringComparison.Ordinal);
}
