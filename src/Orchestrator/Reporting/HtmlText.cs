using System.Globalization;
using System.Net;

namespace Orchestrator.Reporting;

/// <summary>Escaping and number formatting for the HTML report.</summary>
internal static class HtmlText
{
    /// <summary>Text safe in element content and in double-quoted attribute values (<c>&lt; &gt; &amp; " '</c> escaped).</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A number as SVG coordinates and <c>data-</c> attributes carry it: invariant, at most two decimals.</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
