namespace Orchestrator.Execution;

/// <summary>
/// The orchestrator logger's output file as a VSTest logger parameter. VSTest splits logger parameters at every
/// <c>;</c> and has no escape for it, so a path holding one goes percent-encoded under a key of its own, which the
/// logger decodes; any other path stays readable.
/// </summary>
internal static class LoggerPathParameter
{
    public const string PlainKey = "path";

    public const string EscapedKey = "escapedPath";

    public static string For(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Contains(';', StringComparison.Ordinal) ? $"{EscapedKey}={Uri.EscapeDataString(path)}" : $"{PlainKey}={path}";
    }
}
