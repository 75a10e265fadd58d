using Orchestrator.Configuration;
using Orchestrator.Docker.Engine;
using Orchestrator.Docker.Tests.Support;
using Orchestrator.Resources;
using Xunit;

namespace Orchestrator.Docker.Tests.Engine;

/// <summary>
/// DOCKER_HOST=tcp://… with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, and docker contexts with TLS material,
/// against a real engine that listens on 127.0.0.1 with mutual TLS (--tlsverify) and nothing else.
/// </summary>
[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
public sealed class TlsEngineTests(TlsEngineFixture fixture) : IClassFixture<TlsEngineFixture>
{
    private TlsEngine Engine => fixture.Engine;

    private Dictionary<string, string> TlsEnvironment(string certificates) => new()
    {
        ["DOCKER_HOST"] = Engine.Address.ToString(),
        ["DOCKER_TLS_VERIFY"] = "1",
        ["DOCKER_CERT_PATH"] = certificates,
    };

    private static async Task<ResourceException> EngineCheckFailsAsync(DockerEndpoint endpoint)
    {
        await using var provider = TestResources.Provider(out _, options => options with { Endpoint = endpoint });
        using var deadline = TestResources.Deadline(60);
        return await Assert.ThrowsAsync<ResourceException>(() => provider.EnsureEngineAsync(deadline.Token));
    }

    [Fact]
    public async Task DOCKER_HOST_tcp_with_TLS_verify_and_the_certificate_path_reaches_the_engine_with_mutual_TLS()
    {
        var endpoint = DockerEndpoint.FromEnvironment(TlsEnvironment(Engine.TrustedClient).GetValueOrDefault);
        await using var provider = TestResources.Provider(out _, options => options with { Endpoint = endpoint });
        using var deadline = TestResources.Deadline(60);

        await provider.EnsureEngineAsync(deadline.Token);
        using var client = endpoint.CreateClient();
        var version = await client.System.GetVersionAsync(deadline.Token);
        var info = await client.System.GetSystemInfoAsync(deadline.Token);

        Assert.True(endpoint.UsesTls);
        Assert.False(string.IsNullOrEmpty(version.APIVersion));
        // Only the engine started for this test keeps its data there: the answer did not come from the local socket.
        Assert.Equal(Engine.DataRoot, info.DockerRootDir);
        // The second engine must leave the machine's network alone: the shared engine's bridge is still there.
        Assert.True(Directory.Exists("/sys/class/net/docker0"), "docker0 is gone: the second engine removed the shared engine's bridge.");
    }

    [Fact]
    public async Task The_resource_provider_starts_probes_and_removes_a_container_on_the_TLS_engine()
    {
        var endpoint = DockerEndpoint.FromEnvironment(TlsEnvironment(Engine.TrustedClient).GetValueOrDefault);
        using var client = endpoint.CreateClient();
        using var deadline = TestResources.Deadline(60);
        var ct = deadline.Token;
        var service = new ResourceDefinition
        {
            Name = "tls-shell",
            Image = await TlsEngine.ImportShellImageAsync(client, ct),
            Command = ["/bin/sleep", "infinity"],
            // An exec probe runs a process through the engine's hijacked connection, over TLS as well.
            Readiness = new ReadinessProbe { Kind = ProbeKind.Exec, Command = ["/bin/dash", "-c", "[ -x /bin/sleep ]"] },
        };
        var provider = TestResources.Provider(out var runId, options => options with { Endpoint = endpoint });
        try
        {
            await provider.PrepareAsync([service], ct);
            var instance = await provider.StartAsync(service, "tls-shell", ct);

            var inspected = await client.Containers.InspectContainerAsync(instance.ContainerId, ct);
            Assert.True(inspected.State.Running);
            Assert.Equal(runId, inspected.Config.Labels[ContainerLabels.RunId]);
            Assert.Contains("[ -x /bin/sleep ]", provider.GetReadinessReport("tls-shell")?.Probe, StringComparison.Ordinal);

            await provider.StopAsync(instance, ct);

            Assert.Empty(await TestResources.ContainersOfRunAsync(client, runId));
        }
        finally
        {
            await provider.DisposeAsync();
            await TestResources.RemoveRunAsync(client, runId);
        }
    }

    [Theory]
    [InlineData(nameof(TlsEngine.UntrustedAuthority), "its TLS certificate is not signed by {0}", "ca.pem")]
    [InlineData(nameof(TlsEngine.ForeignClient), "the engine refused the client certificate {0}", "cert.pem")]
    public async Task A_TLS_mistake_is_refused_naming_the_endpoint_and_the_file_to_fix(string certificates, string problem, string file)
    {
        var directory = certificates == nameof(TlsEngine.UntrustedAuthority) ? Engine.UntrustedAuthority : Engine.ForeignClient;
        var endpoint = DockerEndpoint.FromEnvironment(TlsEnvironment(directory).GetValueOrDefault);

        var exception = await EngineCheckFailsAsync(endpoint);

        Assert.Contains(Engine.Address.ToString(), exception.Message, StringComparison.Ordinal);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, problem, Path.Combine(directory, file)), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_DOCKER_TLS_VERIFY_the_engine_that_speaks_only_TLS_is_named_with_the_variables_to_set()
    {
        var endpoint = DockerEndpoint.FromEnvironment(name => name == "DOCKER_HOST" ? Engine.Address.ToString() : null);

        var exception = await EngineCheckFailsAsync(endpoint);

        Assert.False(endpoint.UsesTls);
        Assert.Contains(Engine.Address.ToString(), exception.Message, StringComparison.Ordinal);
        Assert.Contains("DOCKER_TLS_VERIFY=1", exception.Message, StringComparison.Ordinal);
        Assert.Contains("DOCKER_CERT_PATH", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>The endpoint of context <paramref name="name"/> at the TLS engine, with a copy of <paramref name="certificates"/> as its TLS material.</summary>
    private DockerEndpoint ContextEndpoint(DockerConfigDirectory config, string name, bool skipTlsVerify, string? certificates)
    {
        config.AddContext(name, Engine.Address.ToString(), skipTlsVerify);
        if (certificates is not null)
        {
            config.CopyTls(name, certificates);
        }
        return DockerEndpoint.FromEnvironment(new Dictionary<string, string> { ["DOCKER_CONFIG"] = config.Path, ["DOCKER_CONTEXT"] = name }.GetValueOrDefault);
    }

    [Theory]
    [InlineData(false, nameof(TlsEngine.TrustedClient))]
    // Skipping verification accepts an engine certificate ca.pem cannot vouch for; the client certificate is still sent.
    [InlineData(true, nameof(TlsEngine.UntrustedAuthority))]
    public async Task A_context_with_its_TLS_material_reaches_the_engine(bool skipTlsVerify, string certificates)
    {
        using var config = new DockerConfigDirectory();
        var directory = certificates == nameof(TlsEngine.TrustedClient) ? Engine.TrustedClient : Engine.UntrustedAuthority;
        var endpoint = ContextEndpoint(config, "tls-engine", skipTlsVerify, directory);
        using var client = endpoint.CreateClient();
        using var deadline = TestResources.Deadline(60);

        var info = await client.System.GetSystemInfoAsync(deadline.Token);

        Assert.Equal(Engine.DataRoot, info.DockerRootDir);
    }

    [Fact]
    public async Task A_context_that_skips_TLS_verification_without_TLS_material_speaks_TLS_and_the_engine_asks_for_a_client_certificate()
    {
        using var config = new DockerConfigDirectory();
        var endpoint = ContextEndpoint(config, "skip-verify-bare", skipTlsVerify: true, certificates: null);

        var exception = await EngineCheckFailsAsync(endpoint);

        Assert.True(endpoint.UsesTls);
        // Plain HTTP would have been answered "Client sent an HTTP request to an HTTPS server".
        Assert.Contains("requires a client certificate", exception.Message, StringComparison.Ordinal);
        Assert.Contains(Engine.Address.ToString(), exception.Message, StringComparison.Ordinal);
    }
}
