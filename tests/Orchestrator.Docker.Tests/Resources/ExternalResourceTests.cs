using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.Docker.Tests.Support;
using Xunit;

namespace Orchestrator.Docker.Tests.Resources;

[Trait("Category", "Unit")]
public sealed class ExternalResourceTests
{
    [Fact]
    public async Task An_external_resource_starts_no_container_and_renders_its_variables()
    {
        await using var provider = TestResources.Provider(out var runId);
        var external = new ResourceDefinition
        {
            Name = "smtp",
            Kind = ResourceKind.External,
            Ports = [2525],
            Readiness = new ReadinessProbe { Kind = ProbeKind.None },
            Variables = ImmutableDictionary<string, string>.Empty.Add("SMTP", "smtp://{host}:{port}/{namespace}?run={runId}"),
        };

        var instance = await provider.StartAsync(external, "smtp", CancellationToken.None);
        var partition = await provider.CreateNamespaceAsync(instance, "integration-smtp", CancellationToken.None);

        Assert.Null(instance.ContainerId);
        Assert.Equal($"smtp://127.0.0.1:2525/integration-smtp?run={runId}", partition.Variables["SMTP"]);
    }
}
