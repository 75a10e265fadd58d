using System.Text;
using System.Xml;

namespace Orchestrator.Reporting;

/// <summary>Removes characters XML 1.0 cannot carry (test output may contain any control character).</summary>
internal static class XmlText
{
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Every character from space to the last one before the surrogates is valid: skip them in one vectorised search.
        var firstToCheck = text.AsSpan().IndexOfAnyExceptInRange('\u0020', '\uD7FF');
        if (firstToCheck < 0)
        {
            return text;
        }
        var firstInvalid = -1;
        for (var index = firstToCheck; index < text.Length; index++)
        {
            if (!IsValid(text, index))
            {
                firstInvalid = index;
                break;
            }
        }
        if (firstInvalid < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, firstInvalid);
        for (var index = firstInvalid; index < text.Length; index++)
        {
            if (IsValid(text, index))
            {
                builder.Append(text[index]);
            }
            else if (!char.IsLowSurrogate(text[index]))
            {
                builder.Append('\uFFFD');
            }
        }
        return builder.ToString();
    }

    private static bool IsValid(string text, int index)
    {
        var character = text[index];
        if (char.IsHighSurrogate(character))
        {
            return index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]);
        }
        if (char.IsLowSurrogate(character))
        {
            return index > 0 && char.IsHighSurrogate(text[index - 1]);
        }
        return XmlConvert.IsXmlChar(character);
    }
}
