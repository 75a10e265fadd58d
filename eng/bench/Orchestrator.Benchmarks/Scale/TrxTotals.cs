using System.Globalization;
using System.Xml.Linq;

namespace Orchestrator.Benchmarks.Scale;

/// <summary>What one TRX file says the tests took: results, passed, summed and longest durations (as the test host measured them).</summary>
internal sealed record TrxTotals(int Results, int Passed, double TestSeconds, double LongestTestSeconds)
{
    private static readonly XNamespace _trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static TrxTotals Empty { get; } = new(0, 0, 0, 0);

    public static TrxTotals Read(string path)
    {
        var results = XDocument.Load(path).Descendants(_trx + "UnitTestResult").ToList();
        var durations = results
            .Select(result => (string?)result.Attribute("duration") is { } duration ? TimeSpan.Parse(duration, CultureInfo.InvariantCulture).TotalSeconds : 0)
            .ToList();
        return new TrxTotals(
            results.Count,
            results.Count(result => (string?)result.Attribute("outcome") == "Passed"),
            durations.Sum(),
            durations.Count == 0 ? 0 : durations.Max());
    }

    public TrxTotals Add(TrxTotals other) => new(
        Results + other.Results,
        Passed + other.Passed,
        TestSeconds + other.TestSeconds,
        Math.Max(LongestTestSeconds, other.LongestTestSeconds));
}
