using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Orchestrator.Adoption;

/// <summary>
/// Lenient reading of the YAML files init takes evidence from (CI workflows, compose files): what cannot be
/// read is passed over with a note, never an error, since these files are the team's, not the orchestrator's.
/// </summary>
internal static class YamlEvidence
{
    /// <summary>The first document's root mapping; null, with a note, when the file is unreadable or not a mapping.</summary>
    public static YamlMappingNode? Load(string path, string relative, ICollection<string> notes)
    {
        try
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(path))
            {
                stream.Load(reader);
            }
            return stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (Exception unreadable) when (unreadable is YamlException or IOException or UnauthorizedAccessException)
        {
            notes.Add($"{relative} could not be read as YAML ({unreadable.Message}); init took nothing from it. Correct it, or give the resources by hand.");
            return null;
        }
    }

    public static YamlNode? Child(YamlMappingNode? mapping, string key) =>
        mapping is not null && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Text(YamlNode? node) => node is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;

    public static int Line(YamlNode node) => (int)node.Start.Line;

    /// <summary>A map (<c>KEY: value</c>) or list (<c>- KEY=value</c>) of variables; entries without a value are left out.</summary>
    public static ImmutableArray<FoundValue> Variables(YamlNode? node, string file)
    {
        var values = ImmutableArray.CreateBuilder<FoundValue>();
        if (node is YamlMappingNode mapping)
        {
            foreach (var (key, value) in mapping.Children)
            {
                if (Text(key) is { } name && Text(value) is { } text)
                {
                    values.Add(new FoundValue(name, text, file, Line(key)));
                }
            }
        }
        else if (node is YamlSequenceNode list)
        {
            foreach (var item in list.Children)
            {
                if (Text(item) is { } entry && entry.IndexOf('=', StringComparison.Ordinal) is > 0 and var equals)
                {
                    values.Add(new FoundValue(entry[..equals], entry[(equals + 1)..], file, Line(item)));
                }
            }
        }
        return values.ToImmutable();
    }

    /// <summary>Container and host ports of a <c>ports:</c> list: <c>"5432:5432"</c>, <c>5432</c>, <c>127.0.0.1:6380:6379/tcp</c>, or <c>target:</c>/<c>published:</c>.</summary>
    public static (ImmutableArray<int> Container, ImmutableArray<int> Host) Ports(YamlNode? node)
    {
        var container = ImmutableArray.CreateBuilder<int>();
        var host = ImmutableArray.CreateBuilder<int>();
        if (node is not YamlSequenceNode list)
        {
            return ([], []);
        }
        foreach (var item in list.Children)
        {
            string? target, published = null;
            if (item is YamlMappingNode longSyntax)
            {
                target = Text(Child(longSyntax, "target"));
                published = Text(Child(longSyntax, "published"));
            }
            else if (Text(item) is { } shortSyntax)
            {
                var parts = shortSyntax.Split('/')[0].Split(':');
                target = parts[^1];
                published = parts.Length > 1 ? parts[^2] : null;
            }
            else
            {
                continue;
            }
            if (Port(target) is { } port && !container.Contains(port))
            {
                container.Add(port);
            }
            if (Port(published) is { } hostPort && !host.Contains(hostPort))
            {
                host.Add(hostPort);
            }
        }
        return (container.ToImmutable(), host.ToImmutable());
    }

    private static int? Port(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535 ? port : null;

    /// <summary>A service mapping as evidence: image, ports and the variables under <paramref name="environmentKey"/>.</summary>
    public static ServiceEvidence? Service(YamlNode key, YamlNode node, string file, string environmentKey)
    {
        if (Text(key) is not { } name || node is not YamlMappingNode service)
        {
            return null;
        }
        var (container, host) = Ports(Child(service, "ports"));
        return new ServiceEvidence
        {
            Name = name,
            Image = Text(Child(service, "image")),
            Ports = container,
            HostPorts = host,
            Environment = Variables(Child(service, environmentKey), file),
            File = file,
            Line = Line(key),
        };
    }
}
