using System.Collections.Immutable;

namespace Orchestrator.Configuration.Kinds;

/// <summary>The built-in container kinds, one line each, in the order <c>init</c> writes them.</summary>
internal static class KindDescriptors
{
    public static ImmutableArray<KindDescriptor> All { get; } =
    [
        PostgresKind.Descriptor,
        RedisKind.Descriptor,
        RabbitMqKind.Descriptor,
        MySqlKind.Descriptor,
    ];

    /// <summary>The descriptor of <paramref name="kind"/>, or null for generic and external resources.</summary>
    public static KindDescriptor? For(ResourceKind kind) => All.FirstOrDefault(descriptor => descriptor.Kind == kind);

    /// <summary>The descriptor spelled <paramref name="name"/>, or null when no built-in kind is.</summary>
    public static KindDescriptor? Named(string name) => All.FirstOrDefault(descriptor => descriptor.Name == name);
}
