using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Orchestrator.Docker;
using Orchestrator.Resources;
using Orchestrator.Security;

namespace Orchestrator.Benchmarks.Resources;

/// <summary>
/// Per service: time from container creation to ready, and detection latency — how long after the
/// service first serves a real request (seen by an independent tight poller with the real client
/// library) the provider's probe reports it ready (negative: the probe noticed first). Then the time
/// to start all three concurrently versus one after another.
/// Usage: <c>resources [repetitions]</c> (default 3).
/// </summary>
internal sealed class ResourceStartScenario : IBenchmarkScenario
{
    public string Name => "resources";

    public string Description => "Container create→ready, readiness detection latency, concurrent vs sequential start (needs the Docker engine).";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var repetitions = arguments.Count > 0 ? int.Parse(arguments[0], CultureInfo.InvariantCulture) : 3;
        Console.WriteLine($"Resource start, {repetitions} repetition(s) per figure (median shown; all samples in brackets)");
        Console.WriteLine();
        Console.WriteLine($"{"service",-10} {"create→ready ms",16} {"detection latency ms",22} {"probe attempts",15}");
        foreach (var service in LocalService.All)
        {
            var samples = new List<Sample>();
            for (var i = 0; i < repetitions; i++)
            {
                samples.Add(await MeasureOneAsync(service, ct));
            }
            Console.WriteLine(
                $"{service.Name,-10} {Median(samples.Select(s => s.CreateToReady)),16:0} {Median(samples.Select(s => s.DetectionLatency)),22:0.0} {Median(samples.Select(s => (double)s.Attempts)),15:0}" +
                $"   [{string.Join(", ", samples.Select(s => s.CreateToReady.ToString("0", CultureInfo.InvariantCulture)))}] [{string.Join(", ", samples.Select(s => s.DetectionLatency.ToString("0.0", CultureInfo.InvariantCulture)))}]");
        }

        Console.WriteLine();
        var sequential = new List<double>();
        var concurrent = new List<double>();
        for (var i = 0; i < repetitions; i++)
        {
            sequential.Add(await StartAllAsync(concurrently: false, ct));
            concurrent.Add(await StartAllAsync(concurrently: true, ct));
        }
        var ratio = Median(sequential) / Median(concurrent);
        Console.WriteLine($"all three, one after another: {Median(sequential):0} ms   [{string.Join(", ", sequential.Select(s => s.ToString("0", CultureInfo.InvariantCulture)))}]");
        Console.WriteLine($"all three, concurrently:      {Median(concurrent):0} ms   [{string.Join(", ", concurrent.Select(s => s.ToString("0", CultureInfo.InvariantCulture)))}]");
        Console.WriteLine($"sequential / concurrent:      {ratio:0.00}x");
        return 0;
    }

    private static async Task<Sample> MeasureOneAsync(LocalService service, CancellationToken ct)
    {
        using var stopPolling = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task<DateTimeOffset>? poller = null;
        await using var provider = NewProvider(started => poller = PollUntilServedAsync(service, started, stopPolling.Token));
        var instance = await provider.StartAsync(service.Definition, service.Name, ct);
        var servedAt = await poller!;
        var report = provider.GetReadinessReport(service.Name)!;
        await provider.StopAsync(instance, ct);
        return new Sample((instance.ReadyAt - instance.StartedAt).TotalMilliseconds, (instance.ReadyAt - servedAt).TotalMilliseconds, report.Attempts);
    }

    /// <summary>Tries the real client back to back (no pause) until one request succeeds; returns when it did.</summary>
    private static Task<DateTimeOffset> PollUntilServedAsync(LocalService service, ContainerStarted started, CancellationToken ct) => Task.Run(async () =>
    {
        var port = started.Ports.Values.First();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                await service.ServeOneRequestAsync(port, started.Secret, ct);
                return DateTimeOffset.UtcNow;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Not serving yet: try again at once.
            }
        }
        throw new TimeoutException($"{service.Name} never served a request through its client within 60 s.");
    }, ct);

    private static async Task<double> StartAllAsync(bool concurrently, CancellationToken ct)
    {
        await using var provider = NewProvider(started: null);
        var clock = Stopwatch.StartNew();
        var instances = new ConcurrentBag<ResourceInstance>();
        if (concurrently)
        {
            await Task.WhenAll(LocalService.All.Select(async service => instances.Add(await provider.StartAsync(service.Definition, service.Name, ct))));
        }
        else
        {
            foreach (var service in LocalService.All)
            {
                instances.Add(await provider.StartAsync(service.Definition, service.Name, ct));
            }
        }
        var elapsed = clock.Elapsed.TotalMilliseconds;
        await Task.WhenAll(instances.Select(instance => provider.StopAsync(instance, ct)));
        return elapsed;
    }

    private static DockerResourceProvider NewProvider(Action<ContainerStarted>? started) => new(new DockerResourceProviderOptions
    {
        Redactor = new SecretRedactor(),
        RunId = "bench-" + Guid.NewGuid().ToString("N")[..12],
        SweepOrphansOnPrepare = false,
        ContainerStarted = started,
    });

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed record Sample(double CreateToReady, double DetectionLatency, int Attempts);
}
