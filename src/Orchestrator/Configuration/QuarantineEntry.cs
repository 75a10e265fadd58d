using System.Globalization;

namespace Orchestrator.Configuration;

/// <summary>
/// A quarantined test pattern of a cadence: it runs, but its failures do not fail the build, until it expires. A
/// flaky test is a small incident with an owner and an end; an expired entry fails the build again, and the reports
/// say its quarantine ran out.
/// </summary>
/// <param name="Test">Fully qualified name pattern (<c>*</c> matches any run of characters).</param>
/// <param name="Owner">Who fixes it; null when the entry names nobody.</param>
/// <param name="Reason">Why it is quarantined; null when the entry says nothing.</param>
/// <param name="Expires">The last day the quarantine holds; null for an entry without an end.</param>
public sealed record QuarantineEntry(string Test, string? Owner = null, string? Reason = null, DateOnly? Expires = null)
{
    /// <summary>True once <paramref name="today"/> is past the last day of the quarantine.</summary>
    internal bool HasExpired(DateOnly today) => Expires is { } last && today > last;

    /// <summary>The warning every report gives for an expired entry, with the fix.</summary>
    internal string ExpiredWarning(string cadence)
    {
        var who = (Owner, Reason) switch
        {
            ({ } owner, { } reason) => $" (owner {owner}: {reason})",
            ({ } owner, null) => $" (owner {owner})",
            (null, { } reason) => $" ({reason})",
            _ => "",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"The quarantine of '{Test}'{who} in cadence '{cadence}' ran out on {Expires:yyyy-MM-dd}: its failures fail the build again. Fix the test, or give the entry a later \"expires\" date.");
    }
}
