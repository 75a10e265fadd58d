using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Orchestrator.Configuration;

/// <summary>
/// What a built-in kind's image needs that a resource may leave out: the port its protocol listens on and the
/// credentials its server refuses to start or to accept connections without. Filling them in at reading keeps a
/// resource that says only <c>"kind": "postgres"</c> and an image from being reported ready and then failing in
/// every unit; what cannot be filled in (a variable whose password is not the server's) stops validation with the fix.
/// </summary>
internal static partial class KindDefaults
{
    public const string PostgresPassword = "POSTGRES_PASSWORD";
    public const string PostgresTrust = "POSTGRES_HOST_AUTH_METHOD";
    public const string RabbitMqUser = "RABBITMQ_DEFAULT_USER";
    public const string RabbitMqPassword = "RABBITMQ_DEFAULT_PASS";
    public const string RabbitMqDefaultUser = "orchestrator";

    private const string Secret = "{secret}";

    /// <summary>The resource with the environment its kind needs where the configuration gives none.</summary>
    public static ResourceDefinition Apply(ResourceDefinition resource) => resource.Kind switch
    {
        ResourceKind.Postgres => resource with
        {
            Environment = resource.Environment.ContainsKey(PostgresPassword) || resource.Environment.ContainsKey(PostgresTrust)
                ? resource.Environment
                : resource.Environment.SetItem(PostgresPassword, Secret),
        },
        ResourceKind.RabbitMq => resource with
        {
            Environment = resource.Environment.ContainsKey(RabbitMqUser)
                ? resource.Environment
                : resource.Environment.SetItem(RabbitMqUser, RabbitMqDefaultUser).SetItem(RabbitMqPassword, resource.Environment.GetValueOrDefault(RabbitMqPassword, Secret)),
        },
        _ => resource,
    };

    /// <summary>
    /// Variables of a Postgres resource whose connection string gives a password other than the server's: every
    /// connection of the tests would be refused, so this is a configuration error, not a run-time surprise.
    /// </summary>
    public static IEnumerable<(string Variable, string Message, string Fix)> Mismatches(ResourceDefinition resource)
    {
        if (resource.Kind != ResourceKind.Postgres || !resource.Environment.TryGetValue(PostgresPassword, out var serverPassword))
        {
            yield break;
        }
        foreach (var (name, template) in resource.Variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (PasswordSetting().Match(template) is { Success: true } match && match.Groups["value"].Value.Trim() is var given && given != serverPassword)
            {
                yield return (name,
                    string.Format(CultureInfo.InvariantCulture,
                        "Variable '{0}' of Postgres resource '{1}' connects with password '{2}', but the server's {3} is '{4}': every connection of the tests would be refused.",
                        name, resource.Name, given, PostgresPassword, serverPassword),
                    $"Write Password={serverPassword} in '{name}' (the run's {Secret} is a new password each run), or set \"environment\": {{\"{PostgresPassword}\": \"{given}\"}}.");
            }
        }
    }

    /// <summary>
    /// How units running at the same time are kept apart when the resource does not say. Many real suites act on
    /// the whole server (a database created with a fixed name, every other session terminated, FLUSHALL), which
    /// no namespace contains; Postgres and Redis start in well under a second, so each unit gets a server of its
    /// own. A RabbitMQ broker takes seconds to boot, so its units share one and get a virtual host each; other
    /// kinds have no built-in namespace and keep one shared container.
    /// </summary>
    public static IsolationSettings Isolation(ResourceKind kind) => kind switch
    {
        ResourceKind.Postgres or ResourceKind.Redis => IsolationSettings.Dedicated,
        _ => IsolationSettings.Shared,
    };

    /// <summary>The port a kind's protocol listens on, published when a resource lists none.</summary>
    public static ImmutableArray<int> Ports(ResourceKind kind) => kind switch
    {
        ResourceKind.Postgres => [5432],
        ResourceKind.Redis => [6379],
        ResourceKind.RabbitMq => [5672],
        _ => [],
    };

    [GeneratedRegex(@"(?:^|;)\s*(?:password|pwd)\s*=\s*(?<value>[^;]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordSetting();
}
