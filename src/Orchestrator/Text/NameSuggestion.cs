namespace Orchestrator.Text;

/// <summary>Finds the known name closest to a misspelt one (Levenshtein distance), for "did you mean" hints.</summary>
internal static class NameSuggestion
{
    /// <summary>The nearest candidate, or null when none is close enough to be a plausible typo.</summary>
    public static string? Nearest(string value, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(candidates);

        var normalised = value.ToLowerInvariant();
        var tolerance = Math.Max(2, normalised.Length / 3);
        return candidates
            .Select(candidate => (Candidate: candidate, Distance: Distance(normalised, candidate.ToLowerInvariant())))
            .Where(scored => scored.Distance <= tolerance)
            .OrderBy(scored => scored.Distance)
            .ThenBy(scored => scored.Candidate, StringComparer.Ordinal)
            .Select(scored => scored.Candidate)
            .FirstOrDefault();
    }

    public static int Distance(string left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);

        // Optimal string alignment: insertions, deletions, substitutions and swaps of adjacent letters.
        var d = new int[left.Length + 1, right.Length + 1];
        for (var i = 0; i <= left.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= right.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= left.Length; i++)
        {
            for (var j = 1; j <= right.Length; j++)
            {
                var cost = left[i - 1] == right[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && left[i - 1] == right[j - 2] && left[i - 2] == right[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[left.Length, right.Length];
    }
}
