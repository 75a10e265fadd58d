namespace Orchestrator.Reporting;

/// <summary>
/// A file of <c>Reporting/Html</c> embedded in this assembly (the report's stylesheet and script), read from the
/// assembly's manifest resources so the report needs no file beside the tool.
/// </summary>
internal static class HtmlReportAsset
{
    private const string ResourcePrefix = "Orchestrator.Reporting.Html.";

    /// <summary>
    /// The file's text with "\n" line endings and without the file's final line ending, so the page does not depend on
    /// how the file was checked out and the text ends where the report closes its element.
    /// </summary>
    public static string Read(string fileName)
    {
        var name = ResourcePrefix + fileName;
        using var stream = typeof(HtmlReportAsset).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException(
                $"The HTML report asset '{name}' is not embedded in {typeof(HtmlReportAsset).Assembly.GetName().Name}: " +
                $"add Reporting/Html/{fileName} as an EmbeddedResource with that LogicalName in Orchestrator.csproj.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd().ReplaceLineEndings("\n");
        return text.EndsWith('\n') ? text[..^1] : text;
    }
}
