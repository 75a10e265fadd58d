using System.Collections.Immutable;
using System.Globalization;

namespace Orchestrator.Resources;

/// <summary>The values a template can refer to, for one partition of one resource instance.</summary>
public sealed record TemplateValues(
    string Host,
    int? Port,
    ImmutableDictionary<int, int> Ports,
    string Secret,
    string User,
    string Namespace,
    string RunId)
{
    /// <summary>Reads <c>{env:NAME}</c> placeholders; the process environment unless replaced.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public string Resolve(string placeholder)
    {
        switch (placeholder)
        {
            case "host": return Host;
            case "port": return Port?.ToString(CultureInfo.InvariantCulture) ?? throw Unknown(placeholder, "the resource publishes no port");
            case "secret": return Secret;
            case "user": return User;
            case "namespace": return Namespace;
            case "runId": return RunId;
        }
        if (placeholder.StartsWith("port:", StringComparison.Ordinal)
            && int.TryParse(placeholder.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var containerPort))
        {
            return Ports.TryGetValue(containerPort, out var hostPort)
                ? hostPort.ToString(CultureInfo.InvariantCulture)
                : throw Unknown(placeholder, $"container port {containerPort} is not in the resource's ports");
        }
        if (placeholder.StartsWith("env:", StringComparison.Ordinal))
        {
            var name = placeholder[4..];
            return Environment(name) ?? throw Unknown(placeholder, $"environment variable {name} is not set");
        }
        throw Unknown(placeholder, $"known placeholders: {string.Join(", ", VariableTemplate.KnownPlaceholders.Select(p => "{" + p + "}"))}");
    }

    private static FormatException Unknown(string placeholder, string why) =>
        new($"Template placeholder '{{{placeholder}}}' cannot be filled: {why}.");
}
