namespace Orchestrator.Text;

/// <summary>Case-insensitive patterns where <c>*</c> matches any run of characters (rules in the configuration).</summary>
internal static class WildcardPattern
{
    public static bool IsMatch(string pattern, string text, bool ignoreCase = true)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(text);

        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] != '*' && SameCharacter(pattern[p], text[t], ignoreCase))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool SameCharacter(char left, char right, bool ignoreCase) =>
        left == right || (ignoreCase && char.ToUpperInvariant(left) == char.ToUpperInvariant(right));
}
