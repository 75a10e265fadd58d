using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Orchestrator.Configuration.Kinds;

namespace Orchestrator.Adoption;

/// <summary>
/// Reads the C# files of a test project for what its tests use: <c>using</c> directives of client namespaces,
/// <c>Environment.GetEnvironmentVariable("…")</c> (the name written in place or held in a string constant of the project,
/// with the value the code falls back to after <c>??</c>), <c>GetConnectionString("…")</c> and <c>configuration["…"]</c>,
/// Testcontainers builders (<c>new PostgreSqlBuilder()</c>) and fixed host ports (<c>.WithPortBinding(6380, 6379)</c>),
/// server addresses on this machine written as literals that are no variable's fallback (<c>"Host=localhost;Port=5432"</c>),
/// and operations that reach beyond one database (<c>CREATE DATABASE orders</c>, <c>pg_terminate_backend</c>, <c>FLUSHALL</c>).
/// A text scan, not a compilation: what it finds is evidence written into descriptions, not proof.
/// </summary>
internal static partial class SourceUsageScanner
{
    private static readonly ImmutableDictionary<string, string?> _builders = KindDescriptors.All
        .Where(kind => kind.TestcontainersBuilder is not null)
        .Select(kind => KeyValuePair.Create(kind.TestcontainersBuilder!, (string?)kind.Name))
        .Concat(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ContainerBuilder"] = null,
            ["MsSqlBuilder"] = "sqlserver",
            ["MongoDbBuilder"] = "mongodb",
            ["KafkaBuilder"] = "kafka",
        })
        .ToImmutableDictionary(StringComparer.Ordinal);

    private static readonly ImmutableArray<(string Resource, Regex Opening)> _connectionOpenings =
    [
        (PostgresKind.Name, PostgresOpening()),
        (RedisKind.Name, RedisOpening()),
        (RabbitMqKind.Name, RabbitMqOpening()),
    ];

    /// <param name="projectDirectory">The project's directory (full path); its C# files are read.</param>
    /// <param name="rootDirectory">The repository root, to which places are made relative.</param>
    public static SourceUsage Scan(string projectDirectory, string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(projectDirectory);
        return Scan(ProjectSources.Read(projectDirectory), rootDirectory);
    }

    /// <param name="sources">The project's C# files with their text, as <see cref="ProjectSources.Read"/> gives them.</param>
    /// <param name="rootDirectory">The repository root, to which places are made relative.</param>
    public static SourceUsage Scan(IEnumerable<(string Path, string Text)> sources, string rootDirectory)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        var files = sources.ToList();
        var constants = StringConstants(files);
        // A constant the code falls back to when a variable is unset is redirected by that variable, as a literal after ?? is.
        var fallbacks = files
            .SelectMany(file => EnvironmentRead().Matches(file.Text))
            .Where(read => read.Groups["fallbackConstant"].Success)
            .Select(read => read.Groups["fallbackConstant"].Value[(read.Groups["fallbackConstant"].Value.LastIndexOf('.') + 1)..])
            .ToHashSet(StringComparer.Ordinal);
        var clients = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var connections = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var reads = new Dictionary<string, VariableRead>(StringComparer.Ordinal);
        var containers = ImmutableArray.CreateBuilder<ContainerStart>();
        var ports = ImmutableArray.CreateBuilder<FixedHostPort>();
        var addresses = ImmutableArray.CreateBuilder<FixedAddress>();
        var serverWide = ImmutableArray.CreateBuilder<ServerWideUse>();
        foreach (var (path, text) in files)
        {
            var file = Path.GetRelativePath(rootDirectory, path).Replace('\\', '/');
            int LineOf(Match match) => TextLines.LineOf(text, match.Index);
            foreach (Match directive in UsingDirective().Matches(text))
            {
                if (ClientPackages.For(directive.Groups["ns"].Value) is { } client)
                {
                    clients.TryAdd(client.Resource, $"using {directive.Groups["ns"].Value} ({file} line {LineOf(directive)})");
                }
            }
            foreach (var (resource, opening) in _connectionOpenings)
            {
                if (opening.Match(text) is { Success: true } opened)
                {
                    connections.TryAdd(resource, $"{opened.Value.TrimEnd('(', ' ')} ({file} line {LineOf(opened)})");
                }
            }
            foreach (Match read in EnvironmentRead().Matches(text))
            {
                if (Literal(read, "name", constants) is { } name)
                {
                    reads.TryAdd(name, new VariableRead(name, file, LineOf(read)) { Fallback = Literal(read, "fallback", constants) });
                }
            }
            foreach (Match read in ConnectionStringRead().Matches(text).Concat(ConfigurationRead().Matches(text)))
            {
                var key = read.Groups["connection"].Success ? "ConnectionStrings:" + read.Groups["connection"].Value : read.Groups["key"].Value;
                var found = new VariableRead(key, file, LineOf(read), IsConfigurationKey: true);
                reads.TryAdd(found.Variable, found);
            }
            if (text.Contains("Testcontainers", StringComparison.Ordinal))
            {
                foreach (Match builder in BuilderCreation().Matches(text))
                {
                    if (_builders.TryGetValue(builder.Groups["name"].Value, out var resource))
                    {
                        containers.Add(new ContainerStart(builder.Groups["name"].Value, resource, file, LineOf(builder)));
                    }
                }
                foreach (Match binding in PortBinding().Matches(text))
                {
                    ports.Add(new FixedHostPort(int.Parse(binding.Groups["host"].Value, System.Globalization.CultureInfo.InvariantCulture), file, LineOf(binding)));
                }
            }
            var fallbackValues = StringConstant().Matches(text).Where(constant => fallbacks.Contains(constant.Groups["name"].Value)).Select(constant => constant.Groups["value"].Index - 1).ToHashSet();
            foreach (Match literal in StringLiteral().Matches(text))
            {
                var redirected = fallbackValues.Contains(literal.Index) || text[..literal.Index].TrimEnd().EndsWith("??", StringComparison.Ordinal);
                if (!redirected && LocalAddress(literal.Groups["text"].Value) is var (host, port))
                {
                    addresses.Add(new FixedAddress(host, port, file, LineOf(literal)));
                }
            }
            foreach (Match fixedName in FixedDatabaseName().Matches(text))
            {
                serverWide.Add(new ServerWideUse(PostgresKind.Name, $"{fixedName.Groups["verb"].Value.ToUpperInvariant()} DATABASE {fixedName.Groups["name"].Value}, a fixed database name", file, LineOf(fixedName)));
            }
            foreach (Match terminate in TerminateBackend().Matches(text))
            {
                serverWide.Add(new ServerWideUse(PostgresKind.Name, "pg_terminate_backend, which ends sessions of every database", file, LineOf(terminate)));
            }
            foreach (Match flush in FlushAll().Matches(text))
            {
                serverWide.Add(new ServerWideUse(RedisKind.Name, $"{flush.Value}, which empties every database of the server", file, LineOf(flush)));
            }
        }
        return new SourceUsage
        {
            Clients = clients.ToImmutable(),
            Connections = connections.ToImmutable(),
            Reads = [.. reads.Values.OrderBy(read => read.File, StringComparer.Ordinal).ThenBy(read => read.Line)],
            Containers = containers.ToImmutable(),
            FixedPorts = ports.ToImmutable(),
            FixedAddresses = addresses.ToImmutable(),
            ServerWide = serverWide.ToImmutable(),
        };
    }

    /// <summary>The host on this machine and the port a literal connects to (<c>Host=localhost;Port=5432</c>, <c>127.0.0.1:6379</c>); null when it names no such host.</summary>
    private static (string Host, int? Port)? LocalAddress(string literal)
    {
        if (LocalEndpoint().Match(literal) is { Success: true } endpoint)
        {
            return (endpoint.Groups["host"].Value, int.Parse(endpoint.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        if (LocalHostPair().Match(literal) is { Success: true } pair)
        {
            var port = PortPair().Match(literal);
            return (pair.Groups["host"].Value, port.Success ? int.Parse(port.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture) : null);
        }
        return null;
    }

    /// <summary>The string constants of the project by name (<c>const string X = "…"</c>, <c>static readonly string X = "…"</c>); a name given two values is left out.</summary>
    private static Dictionary<string, string> StringConstants(IEnumerable<(string Path, string Text)> files)
    {
        var constants = new Dictionary<string, string>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, text) in files)
        {
            foreach (Match constant in StringConstant().Matches(text))
            {
                var (name, value) = (constant.Groups["name"].Value, constant.Groups["value"].Value);
                if (constants.TryGetValue(name, out var known) && known != value)
                {
                    ambiguous.Add(name);
                }
                constants[name] = value;
            }
        }
        ambiguous.ToList().ForEach(name => constants.Remove(name));
        return constants;
    }

    /// <summary>The text of a group written as a literal, or as a constant's name (<c>Settings.DatabaseVariable</c>) the project defines; null otherwise.</summary>
    private static string? Literal(Match match, string group, Dictionary<string, string> constants)
    {
        if (match.Groups[group].Success)
        {
            return match.Groups[group].Value;
        }
        var identifier = match.Groups[group + "Constant"];
        return identifier.Success ? constants.GetValueOrDefault(identifier.Value[(identifier.Value.LastIndexOf('.') + 1)..]) : null;
    }

    [GeneratedRegex("""\b(?:const|static\s+readonly)\s+string\s+(?<name>[A-Za-z_]\w*)\s*=\s*@?"(?<value>[^"\\]*)"\s*;""", RegexOptions.CultureInvariant)]
    private static partial Regex StringConstant();

    [GeneratedRegex("""^\s*(?:global\s+)?using\s+(?:static\s+)?(?<ns>[A-Za-z_][\w.]*)\s*;""", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex UsingDirective();

    [GeneratedRegex("""GetEnvironmentVariable\s*\(\s*(?:"(?<name>[^"]+)"|(?<nameConstant>[A-Za-z_][\w.]*))\s*(?:,[^)]*)?\)(?:\s*\?\?\s*(?:@?"(?<fallback>[^"\\]*)"|(?<fallbackConstant>[A-Za-z_][\w.]*)\b(?!\s*\()))?""", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentRead();

    [GeneratedRegex("""GetConnectionString\s*\(\s*"(?<connection>[^"]+)"\s*\)""", RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionStringRead();

    // configuration["ConnectionStrings:Redis"], Configuration["Cache:Host"], or any indexer with a ConnectionStrings key.
    [GeneratedRegex("""(?:\b\w*[Cc]onfig\w*\s*\[\s*"(?<key>[^"]+)"|\[\s*"(?<key>ConnectionStrings:[^"]+)")\s*\]""", RegexOptions.CultureInvariant)]
    private static partial Regex ConfigurationRead();

    [GeneratedRegex("""\bnew\s+(?<name>[A-Z]\w*Builder)\s*\(""", RegexOptions.CultureInvariant)]
    private static partial Regex BuilderCreation();

    [GeneratedRegex("""\.WithPortBinding\s*\(\s*(?<host>\d+)\s*(?:,\s*\d+\s*)?\)""", RegexOptions.CultureInvariant)]
    private static partial Regex PortBinding();

    [GeneratedRegex("""\b(?<verb>CREATE|DROP)\s+DATABASE\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?\\?"?(?<name>[A-Za-z_][A-Za-z0-9_]*)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FixedDatabaseName();

    [GeneratedRegex("""\bnew\s+Npgsql(?:Connection|DataSourceBuilder)\s*\(|\bNpgsqlDataSource\s*\.\s*Create\s*\(|\.UseNpgsql\s*\(""", RegexOptions.CultureInvariant)]
    private static partial Regex PostgresOpening();

    [GeneratedRegex("""\bConnectionMultiplexer\s*\.\s*Connect(?:Async)?\s*\(""", RegexOptions.CultureInvariant)]
    private static partial Regex RedisOpening();

    [GeneratedRegex("""\bnew\s+ConnectionFactory\s*[({]|\.CreateConnection(?:Async)?\s*\(""", RegexOptions.CultureInvariant)]
    private static partial Regex RabbitMqOpening();

    [GeneratedRegex("\"(?<text>[^\"\\\\\\r\\n]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex StringLiteral();

    [GeneratedRegex("""(?<![\w.-])(?<host>localhost|127\.0\.0\.1):(?<port>\d{2,5})\b""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LocalEndpoint();

    [GeneratedRegex("""\b(?:host|server|data source|address)\s*=\s*(?<host>localhost|127\.0\.0\.1)\s*(?:[;,]|$)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LocalHostPair();

    [GeneratedRegex("""\bport\s*=\s*(?<port>\d+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PortPair();

    [GeneratedRegex("""\bpg_terminate_backend\b""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TerminateBackend();

    [GeneratedRegex("""\bFLUSHALL\b|\bFlushAllDatabases(?:Async)?\b""", RegexOptions.CultureInvariant)]
    private static partial Regex FlushAll();
}
