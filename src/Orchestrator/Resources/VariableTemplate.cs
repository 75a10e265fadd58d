using System.Collections.Immutable;
using System.Text;

namespace Orchestrator.Resources;

/// <summary>
/// Renders the configuration's variable templates: <c>Host={host};Port={port};Password={secret};Database={namespace}</c>.
/// Placeholders: <c>{host}</c>, <c>{port}</c> (first configured port), <c>{port:N}</c> (host port of container
/// port N), <c>{secret}</c>, <c>{user}</c>, <c>{namespace}</c>, <c>{runId}</c>, <c>{env:NAME}</c>. <c>{{</c> and <c>}}</c> escape braces.
/// </summary>
public static class VariableTemplate
{
    public static ImmutableArray<string> KnownPlaceholders { get; } = ["host", "port", "port:N", "secret", "user", "namespace", "runId", "env:NAME"];

    /// <summary>The placeholders a template uses, in order; throws <see cref="FormatException"/> on unbalanced braces.</summary>
    public static IReadOnlyList<string> Placeholders(string template)
    {
        var found = new List<string>();
        Walk(template, literal: null, placeholder: found.Add);
        return found;
    }

    /// <summary>True when <paramref name="placeholder"/> (without braces) is one the renderer understands.</summary>
    public static bool IsKnown(string placeholder) =>
        placeholder is "host" or "port" or "secret" or "user" or "namespace" or "runId"
        || (placeholder.StartsWith("port:", StringComparison.Ordinal) && int.TryParse(placeholder.AsSpan(5), out _))
        || (placeholder.StartsWith("env:", StringComparison.Ordinal) && placeholder.Length > 4);

    public static string Render(string template, TemplateValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var output = new StringBuilder(template.Length + 32);
        Walk(template, literal: c => output.Append(c), placeholder: name => output.Append(values.Resolve(name)));
        return output.ToString();
    }

    private static void Walk(string template, Action<char>? literal, Action<string> placeholder)
    {
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                literal?.Invoke(c);
                i++;
                continue;
            }
            if (c == '}')
            {
                throw new FormatException($"Unmatched '}}' at position {i} in template '{template}'. Write '}}}}' for a literal brace.");
            }
            if (c != '{')
            {
                literal?.Invoke(c);
                continue;
            }
            var end = template.IndexOf('}', i + 1);
            if (end < 0)
            {
                throw new FormatException($"Unclosed '{{' at position {i} in template '{template}'. Write '{{{{' for a literal brace.");
            }
            placeholder(template[(i + 1)..end]);
            i = end;
        }
    }
}
