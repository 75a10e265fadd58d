namespace Orchestrator.Discovery;

/// <summary>Finds the known name closest to a misspelt one (Levenshtein distance), for "did you mean" hints.</summary>
public static class NameSuggestion
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

        var previous = new int[right.Length + 1];
        var current = new int[right.Length + 1];
        for (var j = 0; j <= right.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= left.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= right.Length; j++)
            {
                var substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[right.Length];
    }
}
