using System.Text;

namespace Orchestrator.Up;

/// <summary>
/// The variables tests need to reach what <c>up</c> keeps, as <c>KEY=value</c> lines sorted by name (the format of
/// <c>docker run --env-file</c> and of most IDEs' and shells' env-file readers): the value stands as it is, unquoted.
/// </summary>
internal static class EnvFile
{
    /// <param name="header">A comment line for the top of the file (without <c>#</c>).</param>
    /// <param name="variables">Name → value.</param>
    /// <exception cref="FormatException">A name or value cannot be written on one line; the message names it.</exception>
    public static string Render(string header, IReadOnlyDictionary<string, string> variables)
    {
        var text = new StringBuilder().Append("# ").Append(header).Append('\n');
        foreach (var (name, value) in variables.OrderBy(variable => variable.Key, StringComparer.Ordinal))
        {
            if (name.Length == 0 || name.Contains('=', StringComparison.Ordinal) || name.Any(char.IsWhiteSpace))
            {
                throw new FormatException($"Variable name '{name}' cannot be written into an env file: a name has no '=' and no white space. Rename it in the configuration.");
            }
            if (value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal))
            {
                throw new FormatException($"The value of variable '{name}' spans several lines, which an env file cannot hold: make its template one line in the configuration.");
            }
            text.Append(name).Append('=').Append(value).Append('\n');
        }
        return text.ToString();
    }
}
