using System.Globalization;

namespace Orchestrator.Configuration;

/// <summary>One problem in a configuration file: where it is, what is wrong and how to fix it.</summary>
/// <param name="Path">JSON path of the offending value or key: <c>$.resources.postgres.image</c>.</param>
/// <param name="Line">1-based line in the file; null when the file has no such position (a missing key is reported at its object).</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Fix">How to fix it; null when the message says it all.</param>
public sealed record ConfigurationError(string Path, int? Line, string Message, string? Fix = null)
{
    public override string ToString()
    {
        var where = Line is { } line ? $"line {line.ToString(CultureInfo.InvariantCulture)}, {Path}" : Path;
        return Fix is null ? $"{where}: {Message}" : $"{where}: {Message} Fix: {Fix}";
    }
}
