using System.Collections.Immutable;
using Orchestrator.Configuration.Kinds;
using System.Text.RegularExpressions;

namespace Orchestrator.Adoption;

/// <summary>
/// Turns a connection value the team wrote for its own server (a CI variable, an appsettings connection
/// string) into a template over the partition's server: host → <c>{host}</c>, port → <c>{port}</c>, database,
/// Redis database or virtual host → <c>{namespace}</c>, password → <c>{secret}</c>; everything else is kept.
/// </summary>
internal static partial class ConnectionTemplate
{
    private static readonly string[] _hostKeys = ["host", "server", "data source", "address", "addr", "network address"];
    private static readonly string[] _databaseKeys = ["database", "initial catalog", "db"];
    private static readonly string[] _passwordKeys = ["password", "pwd"];
    private static readonly string[] _localHosts = ["localhost", "127.0.0.1", "::1", "[::1]"];
    private static readonly ImmutableHashSet<string> _connectionWords =
    [
        "DATABASE", "DBNAME", "CONN", "CONNECTION", "CONNECTIONSTRING", "CONNECTIONSTRINGS", "DSN", "URL", "URI", "HOST", "HOSTNAME", "SERVER", "PORT",
        "PASSWORD", "PWD", "VHOST",
        .. KindDescriptors.All.SelectMany(kind => kind.VariableWords.Concat(kind.UriSchemes.Select(scheme => scheme.ToUpperInvariant())).Append(kind.Name.ToUpperInvariant())),
    ];

    /// <summary>The kind a value's shape tells (a postgres/redis/amqp URI, <c>Host=…;Database=…</c>, <c>host:6379,…</c>); null when it tells none.</summary>
    public static string? KindOf(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Uri().Match(value.Trim()) is { Success: true } uri)
        {
            return SchemeKind(uri.Groups["scheme"].Value);
        }
        if (Pairs(value) is { } pairs && pairs.Any(pair => _hostKeys.Contains(pair.Key, StringComparer.OrdinalIgnoreCase)))
        {
            return PostgresKind.Name;
        }
        return RedisEndpoint().IsMatch(value.Trim()) ? RedisKind.Name : null;
    }

    /// <summary>The kind a variable's name hints at (<c>ORDERS_DB</c>, <c>PGHOST</c>: postgres; <c>REDIS_URL</c>: redis; <c>AMQP_URI</c>: rabbitmq).</summary>
    public static string? KindOfName(string variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var name = variable.ToUpperInvariant();
        return (KindDescriptors.All.FirstOrDefault(kind => kind.VariableWords.Any(word => name.Contains(word, StringComparison.Ordinal)))
            ?? KindDescriptors.All.FirstOrDefault(kind => kind.VariablePrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))))?.Name;
    }

    /// <summary>Whether a variable's name says it carries a connection or a part of one.</summary>
    public static bool LooksLikeConnection(string variable) =>
        Segments(variable).Any(segment => _connectionWords.Contains(segment) || segment.EndsWith("DB", StringComparison.Ordinal) || (segment.StartsWith("PG", StringComparison.Ordinal) && segment.Length > 2));

    /// <summary>
    /// The template for <paramref name="value"/> given to <paramref name="variable"/>, for the kind
    /// <paramref name="resource"/> whose server the team runs as <paramref name="service"/> (null when none was found);
    /// null when the value has no part init can tell.
    /// </summary>
    public static string? For(string resource, string variable, string value, ServiceEvidence? service)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        if (Uri().Match(trimmed) is { Success: true } uri && SchemeKind(uri.Groups["scheme"].Value) is not null)
        {
            // {user} is the user the container is started with, which a user copied from the team's server may not be.
            var credentials = resource == RedisKind.Name && !uri.Groups["user"].Success ? ":{secret}@" : "{user}:{secret}@";
            return $"{uri.Groups["scheme"].Value}://{credentials}{{host}}:{{port}}/{{namespace}}{uri.Groups["query"].Value}";
        }
        if (KindDescriptors.Named(resource) is { HasKeyValueConnectionString: true } && Pairs(trimmed) is { } pairs && pairs.Any(pair => _hostKeys.Contains(pair.Key, StringComparer.OrdinalIgnoreCase)))
        {
            return KeyValuePairs(pairs);
        }
        if (resource == RedisKind.Name && RedisEndpoint().IsMatch(trimmed))
        {
            return RedisOptions(trimmed);
        }
        return Part(variable, trimmed, service);
    }

    /// <summary>A variable that carries one part of a connection, by its name or by a value that matches the service.</summary>
    public static string? Part(string variable, string? value, ServiceEvidence? service)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var segments = Segments(WordBoundary().Replace(variable, "_"));
        // PGHOST, PGPORT, PGPASSWORD, PGDATABASE: libpq's names, one segment each.
        var last = segments[^1] is { Length: > 2 } only && only.StartsWith("PG", StringComparison.Ordinal) ? only[2..] : segments[^1];
        var before = segments.Length > 1 ? segments[^2] : "";
        var ports = service is null ? [] : service.Ports.Concat(service.HostPorts).Select(port => port.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var secrets = service?.Environment.Where(found => IsSecretName(found.Name)).Select(found => found.Value).ToList() ?? [];
        if (last is "PASSWORD" or "PWD" or "PASS" or "SECRET" || (value is not null && secrets.Contains(value)))
        {
            return "{secret}";
        }
        if (last == "PORT" || (value is not null && ports.Contains(value)))
        {
            return "{port}";
        }
        if (last is "HOST" or "HOSTNAME" or "SERVER" || (value is not null && (_localHosts.Contains(value, StringComparer.OrdinalIgnoreCase) || value == service?.Name)))
        {
            return "{host}";
        }
        // APP_DB_NAME, PGDATABASE and RABBIT_VHOST carry the name alone; ORDERS_DB often carries a whole connection string.
        var namesDatabase = last is "DATABASE" or "DBNAME" or "VHOST" || (last == "NAME" && before is "DB" or "DATABASE");
        return namesDatabase && (value is null || KindOf(value) is null) ? "{namespace}" : null;
    }

    /// <summary>The parts of a variable's name in upper case: <c>ConnectionStrings__Redis</c> → CONNECTIONSTRINGS, REDIS.</summary>
    private static string[] Segments(string variable)
    {
        var segments = NameSeparator().Split(variable.ToUpperInvariant()).Where(segment => segment.Length > 0).ToArray();
        return segments.Length > 0 ? segments : [""];
    }

    /// <summary>Whether a service variable holds a credential, written as <c>{secret}</c>.</summary>
    public static bool IsSecretName(string name) =>
        SecretName().IsMatch(name);

    private static string KeyValuePairs(List<KeyValuePair<string, string>> pairs)
    {
        var parts = new List<string>();
        bool Has(string[] keys) => pairs.Any(pair => keys.Contains(pair.Key, StringComparer.OrdinalIgnoreCase));
        foreach (var (key, value) in pairs)
        {
            var template = key switch
            {
                _ when _hostKeys.Contains(key, StringComparer.OrdinalIgnoreCase) => "{host}",
                _ when key.Equals("port", StringComparison.OrdinalIgnoreCase) => "{port}",
                _ when _databaseKeys.Contains(key, StringComparer.OrdinalIgnoreCase) => "{namespace}",
                _ when _passwordKeys.Contains(key, StringComparer.OrdinalIgnoreCase) => "{secret}",
                _ => value,
            };
            parts.Add($"{key}={template}");
            if (_hostKeys.Contains(key, StringComparer.OrdinalIgnoreCase) && !pairs.Any(pair => pair.Key.Equals("port", StringComparison.OrdinalIgnoreCase)))
            {
                parts.Add("Port={port}");
            }
        }
        if (!Has(_passwordKeys))
        {
            parts.Add("Password={secret}");
        }
        if (!Has(_databaseKeys))
        {
            parts.Add("Database={namespace}");
        }
        return string.Join(';', parts);
    }

    private static string RedisOptions(string value)
    {
        var options = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(part => part.Contains('=', StringComparison.Ordinal)).ToList();
        var parts = new List<string> { "{host}:{port}" };
        foreach (var option in options)
        {
            var key = option[..option.IndexOf('=', StringComparison.Ordinal)].Trim();
            parts.Add(key.ToLowerInvariant() switch
            {
                "password" => "password={secret}",
                "defaultdatabase" => "defaultDatabase={namespace}",
                _ => option,
            });
        }
        if (!options.Any(option => option.StartsWith("password=", StringComparison.OrdinalIgnoreCase)))
        {
            parts.Add("password={secret}");
        }
        if (!options.Any(option => option.StartsWith("defaultDatabase=", StringComparison.OrdinalIgnoreCase)))
        {
            parts.Add("defaultDatabase={namespace}");
        }
        return string.Join(',', parts);
    }

    /// <summary><c>Key=Value;…</c> pairs; null when the value is not written so.</summary>
    private static List<KeyValuePair<string, string>>? Pairs(string value)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return null;
            }
            pairs.Add(new(part[..equals].Trim(), part[(equals + 1)..].Trim()));
        }
        return pairs.Count > 0 ? pairs : null;
    }

    private static string? SchemeKind(string scheme) =>
        KindDescriptors.All.FirstOrDefault(kind => kind.UriSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase))?.Name;

    [GeneratedRegex(@"^(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://(?:(?<user>[^:@/]*)(?::(?<password>[^@/]*))?@)?(?<host>[^:/?]+)(?::(?<port>\d+))?(?<path>/[^?]*)?(?<query>\?.*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Uri();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-\[\]:]+:\d+(?:,|$)", RegexOptions.CultureInvariant)]
    private static partial Regex RedisEndpoint();

    [GeneratedRegex("PASSWORD|PASS$|SECRET|TOKEN", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    [GeneratedRegex("[^A-Z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NameSeparator();

    // DatabaseName → Database_Name, so a part is told by its last word whether the name is written in capitals or in camel case.
    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex WordBoundary();
}
