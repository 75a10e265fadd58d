using System.Globalization;

namespace Orchestrator.Benchmarks.Scale;

/// <summary>Medians and spreads for the tables (invariant culture: the tables are read on any machine).</summary>
internal static class Stats
{
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>"median (min–max)", or the value alone when there is one.</summary>
    public static string Spread(IReadOnlyList<double> values, string format = "0.00") => values.Count switch
    {
        0 => "–",
        1 => F(values[0], format),
        _ => $"{F(Median(values), format)} ({F(values.Min(), format)}–{F(values.Max(), format)})",
    };

    public static string F(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);
}
