using System.Net;
using System.Net.Sockets;
using Orchestrator.Configuration;
using Orchestrator.Docker.Tests.Support;
using Orchestrator.Resources;
using Xunit;

namespace Orchestrator.Docker.Tests.Resources;

/// <summary>The HTTP probe against a real listener on loopback, through an external resource (no container).</summary>
[Trait("Category", "Integration")]
public sealed class HttpProbeTests
{
    [Fact]
    public async Task An_http_probe_is_ready_when_the_path_answers_2xx()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serving = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            context.Response.StatusCode = context.Request.Url!.AbsolutePath == "/health" ? 200 : 404;
            context.Response.Close();
        });
        await using var provider = TestResources.Provider(out _);

        var instance = await provider.StartAsync(External(port), "web", CancellationToken.None);
        await serving;

        Assert.Contains("/health", provider.GetReadinessReport("web")!.Probe, StringComparison.Ordinal);
        Assert.Null(instance.ContainerId);
    }

    [Fact]
    public async Task An_http_probe_with_nothing_listening_times_out_at_its_deadline()
    {
        await using var provider = TestResources.Provider(out _);
        var definition = External(FreePort()) with
        {
            Readiness = new ReadinessProbe { Kind = ProbeKind.Http, HttpPath = "/health", Deadline = TimeSpan.FromSeconds(1) },
        };

        var exception = await Assert.ThrowsAsync<ResourceException>(() => provider.StartAsync(definition, "web", CancellationToken.None));

        Assert.Contains("HTTP GET", exception.Message, StringComparison.Ordinal);
        Assert.Contains("within 1 s", exception.Message, StringComparison.Ordinal);
    }

    private static ResourceDefinition External(int port) => new()
    {
        Name = "web",
        Kind = ResourceKind.External,
        Ports = [port],
        Readiness = new ReadinessProbe { Kind = ProbeKind.Http, HttpPath = "/health", Deadline = TimeSpan.FromSeconds(10) },
    };

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
