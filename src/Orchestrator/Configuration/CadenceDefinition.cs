using System.Collections.Immutable;

namespace Orchestrator.Configuration;

/// <summary>What a cadence (<c>commit</c>, <c>pr</c>, <c>nightly</c>, …) runs, and how.</summary>
/// <param name="Name">Cadence name, lower case.</param>
/// <param name="Layers">Layers that run; tests of other layers are left out with that reason.</param>
/// <param name="Resources">Resources allowed; a test needing any other is left out. Empty: resource-free tests only.</param>
/// <param name="Repeat">How many times the whole selection runs (pass rates for flakiness hunting).</param>
/// <param name="Retries">How many times a failed test is re-run to tell flaky from broken.</param>
/// <param name="Quarantine">Fully qualified name patterns (<c>*</c> wildcard) that run but never fail the build.</param>
public sealed record CadenceDefinition(
    string Name,
    ImmutableArray<string> Layers,
    ImmutableArray<string> Resources,
    int Repeat = 1,
    int Retries = 0,
    ImmutableArray<string> Quarantine = default)
{
    /// <summary>The quarantine entries with their owners, reasons and expiry dates; a plain pattern is an entry without them.</summary>
    public ImmutableArray<QuarantineEntry> QuarantineEntries { get; init; } =
        Quarantine.IsDefault ? [] : [.. Quarantine.Select(pattern => new QuarantineEntry(pattern))];

    /// <summary>Whether tests whose inputs are unchanged since a recorded pass are reused instead of run (see <see cref="CacheSettings"/>).</summary>
    public bool UsesCache { get; init; } = CacheSettings.UsedByDefault(Name);

    /// <summary>The quarantined test patterns, whatever their expiry.</summary>
    public ImmutableArray<string> Quarantine => [.. QuarantineEntries.Select(entry => entry.Test)];

    /// <summary>The patterns still in force on <paramref name="today"/>, and the entries that ran out.</summary>
    internal (ImmutableArray<string> Active, ImmutableArray<QuarantineEntry> Expired) QuarantineOn(DateOnly today) =>
        ([.. QuarantineEntries.Where(entry => !entry.HasExpired(today)).Select(entry => entry.Test)],
         [.. QuarantineEntries.Where(entry => entry.HasExpired(today))]);
}
