using System.Globalization;

namespace Orchestrator.Reporting;

/// <summary>How durations, rates and times read in the reports.</summary>
internal static class ReportFormat
{
    public static string Duration(TimeSpan duration) => duration switch
    {
        { TotalMilliseconds: < 1000 } => $"{duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms",
        { TotalSeconds: < 60 } => $"{duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s",
        _ => $"{(int)duration.TotalMinutes} min {duration.Seconds} s",
    };

    public static string Duration(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } start && to is { } end ? Duration(end - start) : "—";

    public static string Rate(double rate) => rate.ToString("0%", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
