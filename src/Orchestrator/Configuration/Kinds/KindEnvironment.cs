using System.Collections.Immutable;

namespace Orchestrator.Configuration.Kinds;

/// <summary>Writing a kind's environment: its variables with their templates.</summary>
internal static class KindEnvironment
{
    /// <summary>The template of a password of each run's own.</summary>
    public const string Secret = "{secret}";

    /// <summary>The variables in the order <c>init</c> writes them.</summary>
    public static ImmutableArray<KeyValuePair<string, string>> Of(params (string Name, string Value)[] variables) =>
        [.. variables.Select(variable => KeyValuePair.Create(variable.Name, variable.Value))];
}
