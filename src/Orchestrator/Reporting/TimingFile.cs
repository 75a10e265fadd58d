namespace Orchestrator.Reporting;

/// <summary>The on-disk shape of <c>timings.json</c>.</summary>
/// <param name="Version">Format version; other versions are ignored with a warning.</param>
/// <param name="Alpha">Smoothing weight of the newest sample.</param>
/// <param name="Tests">One entry per test.</param>
/// <param name="StartUps">One entry per test assembly; absent in files written before start-up was measured.</param>
internal sealed record TimingFile(int Version, double Alpha, IReadOnlyList<TimingEntry> Tests, IReadOnlyList<StartUpEntry>? StartUps = null);

/// <param name="Assembly">Test assembly name.</param>
/// <param name="Name">Fully qualified test name.</param>
/// <param name="Milliseconds">Exponentially smoothed duration.</param>
/// <param name="Samples">How many runs contributed.</param>
internal sealed record TimingEntry(string Assembly, string Name, double Milliseconds, int Samples);

/// <param name="Assembly">Test assembly name.</param>
/// <param name="Milliseconds">Exponentially smoothed start-up cost of one process running the assembly's tests.</param>
/// <param name="Samples">How many unit processes contributed.</param>
internal sealed record StartUpEntry(string Assembly, double Milliseconds, int Samples);
