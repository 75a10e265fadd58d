using System.Globalization;
using System.Text;

namespace Orchestrator.Results.Trx;

/// <summary>
/// The escaping VSTest's TRX logger applies to every text it writes: each UTF-16 unit outside tab, line feed, carriage
/// return, U+0020–U+D7FF and U+E000–U+FFFD becomes the literal text <c>\uxxxx</c> (lower-case hex), so a character
/// outside the Basic Multilingual Plane (🎉, 𝔘) arrives as its surrogate pair in escaped form: <c>\ud83c\udf89</c>.
/// Applied to a name known exactly (from discovery), it tells whether a TRX text is that name.
/// </summary>
internal static class TrxEscaping
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().IndexOfAnyExceptInRange('\u0020', '\uD7FF');
        if (first < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (var index = first; index < text.Length; index++)
        {
            var character = text[index];
            if (character is '\t' or '\n' or '\r' or (>= '\u0020' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD'))
            {
                builder.Append(character);
            }
            else
            {
                builder.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }

    /// <summary><paramref name="planned"/> when <paramref name="written"/> is its TRX escaping, else <paramref name="written"/> as it is.</summary>
    public static string Unescaped(string written, string planned)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(planned);
        return !string.Equals(written, planned, StringComparison.Ordinal) && string.Equals(Escape(planned), written, StringComparison.Ordinal) ? planned : written;
    }
}
