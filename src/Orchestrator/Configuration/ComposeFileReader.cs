using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Orchestrator.Configuration;

/// <summary>
/// Reads one service of a docker-compose file: image, build, container ports, environment, command
/// and healthcheck. Features the orchestrator cannot honour raise a <see cref="ComposeException"/>.
/// </summary>
internal static class ComposeFileReader
{
    /// <summary>Keys whose meaning would be lost silently; everything else the orchestrator does not use is ignored.</summary>
    private static readonly ImmutableDictionary<string, string> Unsupported = new Dictionary<string, string>
    {
        ["env_file"] = "List the variables under the service's \"environment\" or the resource's \"environment\" in orchestrator.json.",
        ["extends"] = "Copy the extended service's keys into this service.",
        ["entrypoint"] = "Bake the entrypoint into the image, or put the whole command line in \"command\".",
        ["volumes"] = "Copy the files into the image (\"build\"), or prepare data with the resource's \"isolation\".\"setup\" commands.",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    public static ComposeService Read(string text, string fileName, string serviceName)
    {
        var root = Parse(text, fileName);
        if (root is not YamlMappingNode top || Child(top, "services") is not YamlMappingNode services)
        {
            throw new ComposeException($"{fileName} has no \"services\" section.", "Point \"compose.file\" at a docker-compose file with services.");
        }
        var names = services.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "").ToList();
        if (Child(services, serviceName) is not { } serviceNode)
        {
            throw new ComposeException(
                $"{fileName} has no service '{serviceName}'.",
                names.Count == 0 ? "Add the service to the compose file." : $"Use one of: {string.Join(", ", names)}.");
        }
        if (serviceNode is not YamlMappingNode service)
        {
            throw Error(fileName, serviceNode, $"service '{serviceName}' is not a mapping.", "Write the service's keys (image, ports, ...) under it.");
        }
        foreach (var (key, fix) in Unsupported)
        {
            if (Child(service, key) is { } node)
            {
                throw Error(fileName, node, $"service '{serviceName}' uses '{key}', which the orchestrator cannot honour.", fix);
            }
        }
        return new ComposeService
        {
            Image = Child(service, "image") is { } image ? Scalar(fileName, image, "image") : null,
            Build = Child(service, "build") is { } build ? ReadBuild(fileName, build) : null,
            Ports = Child(service, "ports") is { } ports ? ReadPorts(fileName, ports) : null,
            Environment = Child(service, "environment") is { } environment ? ReadEnvironment(fileName, environment) : null,
            Command = Child(service, "command") is { } command ? ReadCommand(fileName, command) : null,
            Healthcheck = Child(service, "healthcheck") is { } healthcheck ? ReadHealthcheck(fileName, healthcheck) : null,
        };
    }

    private static YamlNode? Parse(string text, string fileName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ComposeException(
                $"{fileName} line {e.Start.Line.ToString(CultureInfo.InvariantCulture)} is not valid YAML: {e.InnerException?.Message ?? e.Message}",
                "Correct the YAML there (indentation with spaces, quotes closed).");
        }
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    private static ImageBuild ReadBuild(string fileName, YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return new ImageBuild(Scalar(fileName, node, "build"));
        }
        var build = Mapping(fileName, node, "build");
        var context = Child(build, "context") is { } c ? Scalar(fileName, c, "build.context") : ".";
        var dockerfile = Child(build, "dockerfile") is { } d ? Scalar(fileName, d, "build.dockerfile") : "Dockerfile";
        var arguments = Child(build, "args") is { } args ? ReadMapOrList(fileName, args, "build.args") : null;
        return new ImageBuild(context, dockerfile, arguments);
    }

    private static ImmutableArray<int> ReadPorts(string fileName, YamlNode node)
    {
        var ports = ImmutableArray.CreateBuilder<int>();
        foreach (var item in Sequence(fileName, node, "ports"))
        {
            var port = item is YamlMappingNode mapping ? LongPort(fileName, mapping) : ShortPort(fileName, item);
            if (!ports.Contains(port))
            {
                ports.Add(port);
            }
        }
        return ports.ToImmutable();
    }

    private static int LongPort(string fileName, YamlMappingNode mapping)
    {
        if (Child(mapping, "target") is not { } target)
        {
            throw Error(fileName, mapping, "a long-syntax port has no 'target'.", "Add \"target: 5432\" (the container port).");
        }
        CheckProtocol(fileName, mapping, Child(mapping, "protocol") is { } p ? Scalar(fileName, p, "protocol") : "tcp");
        return Port(fileName, target, Scalar(fileName, target, "target"));
    }

    private static int ShortPort(string fileName, YamlNode item)
    {
        var text = Scalar(fileName, item, "ports");
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            CheckProtocol(fileName, item, text[(slash + 1)..]);
            text = text[..slash];
        }
        var container = text[(text.LastIndexOf(':') + 1)..];
        if (container.Contains('-', StringComparison.Ordinal))
        {
            throw Error(fileName, item, $"port range '{container}' cannot be honoured: each port is published on its own free loopback port.", "List each container port separately.");
        }
        return Port(fileName, item, container);
    }

    private static void CheckProtocol(string fileName, YamlNode node, string protocol)
    {
        if (!string.Equals(protocol, "tcp", StringComparison.OrdinalIgnoreCase))
        {
            throw Error(fileName, node, $"protocol '{protocol}' cannot be honoured: only TCP ports are published.", "Remove the port, or use a TCP port.");
        }
    }

    private static int Port(string fileName, YamlNode node, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw Error(fileName, node, $"'{text}' is not a container port.", "Write a port between 1 and 65535.");

    private static ImmutableDictionary<string, string> ReadEnvironment(string fileName, YamlNode node) =>
        ReadMapOrList(fileName, node, "environment");

    /// <summary>A compose map (<c>KEY: value</c>) or list (<c>- KEY=value</c>); a key without a value would come from the host, which is not honoured.</summary>
    private static ImmutableDictionary<string, string> ReadMapOrList(string fileName, YamlNode node, string what)
    {
        var values = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (node is YamlMappingNode mapping)
        {
            foreach (var (key, value) in mapping.Children)
            {
                var name = Scalar(fileName, key, what);
                values[name] = value is YamlScalarNode { Value: { } v } && !IsNull(value)
                    ? v
                    : throw Error(fileName, key, $"{what} '{name}' has no value; compose would take it from the host, which the orchestrator does not do.", $"Give '{name}' a value (a template such as {{secret}} works).");
            }
            return values.ToImmutable();
        }
        foreach (var item in Sequence(fileName, node, what))
        {
            var entry = Scalar(fileName, item, what);
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw Error(fileName, item, $"{what} '{entry}' has no value; compose would take it from the host, which the orchestrator does not do.", $"Write '{entry}=value' (a template such as {{secret}} works).");
            }
            values[entry[..equals]] = entry[(equals + 1)..];
        }
        return values.ToImmutable();
    }

    private static ImmutableArray<string> ReadCommand(string fileName, YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            var line = Scalar(fileName, node, "command");
            try
            {
                return ShellWords.Split(line);
            }
            catch (FormatException e)
            {
                throw Error(fileName, node, e.Message, "Close the quote, or write the command as a list.");
            }
        }
        return [.. Sequence(fileName, node, "command").Select(item => Scalar(fileName, item, "command"))];
    }

    private static ImmutableArray<string>? ReadHealthcheck(string fileName, YamlNode node)
    {
        var healthcheck = Mapping(fileName, node, "healthcheck");
        if (Child(healthcheck, "disable") is YamlScalarNode { Value: "true" or "True" })
        {
            return null;
        }
        if (Child(healthcheck, "test") is not { } test)
        {
            return null;
        }
        if (test is YamlScalarNode)
        {
            return ["sh", "-c", Scalar(fileName, test, "healthcheck.test")];
        }
        var words = Sequence(fileName, test, "healthcheck.test").Select(item => Scalar(fileName, item, "healthcheck.test")).ToList();
        return words switch
        {
            ["NONE", ..] => null,
            ["CMD", _, ..] => [.. words.Skip(1)],
            ["CMD-SHELL", var script] => ["sh", "-c", script],
            _ => throw Error(fileName, test, "healthcheck 'test' must start with CMD (then the command) or CMD-SHELL (then one shell line).", "Write test: [\"CMD\", \"pg_isready\"] or test: [\"CMD-SHELL\", \"pg_isready -U postgres\"]."),
        };
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "" or "~" or "null" or "Null" or "NULL" };

    private static string Scalar(string fileName, YamlNode node, string what) =>
        node is YamlScalarNode { Value: { } value } && !IsNull(node)
            ? value
            : throw Error(fileName, node, $"'{what}' must be a single value.", "Write a string or a number there.");

    private static YamlMappingNode Mapping(string fileName, YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(fileName, node, $"'{what}' must be a mapping.", "Write its keys indented below it.");

    private static YamlSequenceNode Sequence(string fileName, YamlNode node, string what) =>
        node as YamlSequenceNode ?? throw Error(fileName, node, $"'{what}' must be a list.", "Write one '- item' per line below it.");

    private static ComposeException Error(string fileName, YamlNode node, string message, string fix) =>
        new($"{fileName} line {node.Start.Line.ToString(CultureInfo.InvariantCulture)}: {message}", fix);
}
