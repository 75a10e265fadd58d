using System.Collections.Immutable;
using Orchestrator.Configuration.Kinds;

namespace Orchestrator.Adoption;

/// <summary>
/// The client packages init recognises, and the resource each one talks to: the drivers themselves and
/// well-known packages built on them (Marten on Npgsql, MassTransit.RabbitMQ on RabbitMQ.Client, …).
/// The built-in kinds' packages come from their descriptors and get a container definition; the others are
/// written as external resources, so no cadence without them runs their tests against a server that is not there.
/// </summary>
internal static class ClientPackages
{
    /// <summary>Resources for which init writes a container definition, in the order it writes them.</summary>
    public static ImmutableArray<string> WithContainer { get; } = [.. KindDescriptors.All.Select(descriptor => descriptor.Name)];

    public static ImmutableArray<ClientPackage> All { get; } =
    [
        .. KindDescriptors.All.SelectMany(descriptor => descriptor.ClientPackages.Select(package => new ClientPackage(package, descriptor.Name))),

        new("Microsoft.Data.SqlClient", "sqlserver"),
        new("System.Data.SqlClient", "sqlserver"),
        new("Microsoft.EntityFrameworkCore.SqlServer", "sqlserver"),
        new("Microsoft.Extensions.Caching.SqlServer", "sqlserver"),
        new("Hangfire.SqlServer", "sqlserver"),
        new("Aspire.Microsoft.Data.SqlClient", "sqlserver"),
        new("Aspire.Microsoft.EntityFrameworkCore.SqlServer", "sqlserver"),

        new("Oracle.ManagedDataAccess", "oracle"),
        new("Oracle.EntityFrameworkCore", "oracle"),
        new("Aspire.Oracle.EntityFrameworkCore", "oracle"),

        new("MongoDB.Driver", "mongodb"),
        new("MongoDB.EntityFrameworkCore", "mongodb"),
        new("Aspire.MongoDB.Driver", "mongodb"),

        new("Confluent.Kafka", "kafka"),
        new("Aspire.Confluent.Kafka", "kafka"),

        new("CassandraCSharpDriver", "cassandra"),

        new("Elastic.Clients.Elasticsearch", "elasticsearch"),
        new("NEST", "elasticsearch"),
        new("Elasticsearch.Net", "elasticsearch"),
    ];

    /// <summary>Every resource of <see cref="All"/>, those with a container first, each once.</summary>
    public static ImmutableArray<string> Resources { get; } = [.. All.Select(client => client.Resource).Distinct(StringComparer.Ordinal)];

    public static bool HasContainer(string resource) => WithContainer.Contains(resource, StringComparer.Ordinal);

    /// <summary>The client <paramref name="package"/> is, or null when it talks to nothing init knows.</summary>
    public static ClientPackage? For(string package)
    {
        ArgumentNullException.ThrowIfNull(package);
        return All.FirstOrDefault(client => client.Matches(package));
    }
}
