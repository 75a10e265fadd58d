using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Orchestrator.Configuration.Kinds;

namespace Orchestrator.Configuration;

/// <summary>
/// What a built-in kind's image needs that a resource may leave out: the port its protocol listens on and the
/// credentials its server refuses to start or to accept connections without, as its <see cref="KindDescriptor"/>
/// gives them. Filling them in at reading keeps a resource that says only <c>"kind": "postgres"</c> and an image
/// from being reported ready and then failing in every unit; what cannot be filled in (a variable whose password
/// is not the server's) stops validation with the fix.
/// </summary>
internal static partial class KindDefaults
{
    /// <summary>The resource with the environment its kind needs where the configuration gives none.</summary>
    public static ResourceDefinition Apply(ResourceDefinition resource)
    {
        if (KindDescriptors.For(resource.Kind) is not { FillsEnvironment: true } descriptor || resource.Environment.Keys.Any(descriptor.ChoosesEnvironment))
        {
            return resource;
        }
        var missing = descriptor.Environment.Where(variable => !resource.Environment.ContainsKey(variable.Key));
        return resource with { Environment = resource.Environment.SetItems(missing) };
    }

    /// <summary>
    /// Variables of a resource whose connection string gives a password other than the server's: every
    /// connection of the tests would be refused, so this is a configuration error, not a run-time surprise.
    /// </summary>
    public static IEnumerable<(string Variable, string Message, string Fix)> Mismatches(ResourceDefinition resource)
    {
        if (KindDescriptors.For(resource.Kind) is not { PasswordVariable: { } passwordVariable } descriptor
            || !resource.Environment.TryGetValue(passwordVariable, out var serverPassword))
        {
            yield break;
        }
        foreach (var (name, template) in resource.Variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (PasswordSetting().Match(template) is { Success: true } match && match.Groups["value"].Value.Trim() is var given && given != serverPassword)
            {
                yield return (name,
                    string.Format(CultureInfo.InvariantCulture,
                        "Variable '{0}' of {1} resource '{2}' connects with password '{3}', but the server's {4} is '{5}': every connection of the tests would be refused.",
                        name, descriptor.DisplayName, resource.Name, given, passwordVariable, serverPassword),
                    $"Write Password={serverPassword} in '{name}' (the run's {KindEnvironment.Secret} is a new password each run), or set \"environment\": {{\"{passwordVariable}\": \"{given}\"}}.");
            }
        }
    }

    /// <summary>
    /// How units running at the same time are kept apart when the resource does not say. Many real suites act on
    /// the whole server (a database created with a fixed name, every other session terminated, FLUSHALL), which
    /// no namespace contains, so a kind that starts in about a second gives each unit a server of its own; a kind
    /// that takes longer shares one with a namespace per unit (its descriptor says which); kinds without a
    /// built-in namespace keep one shared container.
    /// </summary>
    public static IsolationSettings Isolation(ResourceKind kind) => KindDescriptors.For(kind)?.Isolation ?? IsolationSettings.Shared;

    /// <summary>The port a kind's protocol listens on, published when a resource lists none.</summary>
    public static ImmutableArray<int> Ports(ResourceKind kind) => KindDescriptors.For(kind)?.Ports ?? [];

    [GeneratedRegex(@"(?:^|;)\s*(?:password|pwd)\s*=\s*(?<value>[^;]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordSetting();
}
