using System.Diagnostics;
using System.Formats.Tar;
using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Orchestrator.Docker.Tests.Support;

/// <summary>
/// A second Docker engine of its own (data root, exec root, pid file, configuration, bridge) that listens
/// only on tcp://127.0.0.1:&lt;free port&gt; with --tlsverify, and the certificate directories clients try
/// against it. Disposing stops the engine (SIGTERM, as an init system does) and removes its bridge and directory.
/// </summary>
/// <remarks>
/// Network interfaces are the machine's, shared with the engine everyone uses: '--bridge=none' would make
/// this engine delete docker0, so it gets a bridge of its own, and no iptables, forwarding or masquerading.
/// </remarks>
internal sealed class TlsEngine : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(1);

    private readonly Process _process;
    private readonly string _root;

    private readonly string _bridge;

    private TlsEngine(Process process, string root, string bridge, int port)
    {
        _process = process;
        _root = root;
        _bridge = bridge;
        Address = new Uri($"tcp://127.0.0.1:{port}");
    }

    public Uri Address { get; }

    /// <summary>The engine's --data-root: what only this engine reports in its info.</summary>
    public string DataRoot => Path.Combine(_root, "data");

    /// <summary>ca.pem of the engine's authority and a client certificate it issued: everything docker needs.</summary>
    public string TrustedClient => Path.Combine(_root, "client");

    /// <summary>A valid client certificate, but ca.pem of another authority: the engine's own certificate is not trusted.</summary>
    public string UntrustedAuthority => Path.Combine(_root, "other-authority");

    /// <summary>The right ca.pem, but a client certificate from another authority: the engine refuses it.</summary>
    public string ForeignClient => Path.Combine(_root, "foreign-client");

    /// <summary>The engine's authority alone (ca.pem), no client certificate.</summary>
    public string AuthorityOnly => Path.Combine(_root, "authority-only");

    public string Log => Path.Combine(_root, "dockerd.log");

    public static async Task<TlsEngine> StartAsync(CancellationToken ct)
    {
        var root = Directory.CreateTempSubdirectory("orchestrator-tls-engine-").FullName;
        using var authority = TestCertificates.CreateAuthority("CN=Orchestrator TLS engine CA");
        using var stranger = TestCertificates.CreateAuthority("CN=Some other CA");
        using var server = TestCertificates.Issue(authority, "CN=127.0.0.1", CertificateUse.Server);
        using var client = TestCertificates.Issue(authority, "CN=client", CertificateUse.Client);
        using var foreign = TestCertificates.Issue(stranger, "CN=client", CertificateUse.Client);
        var engine = Path.Combine(root, "engine");
        TestCertificates.WriteDockerDirectory(engine, authority, server);
        TestCertificates.WriteDockerDirectory(Path.Combine(root, "client"), authority, client);
        TestCertificates.WriteDockerDirectory(Path.Combine(root, "other-authority"), stranger, client);
        TestCertificates.WriteDockerDirectory(Path.Combine(root, "foreign-client"), authority, foreign);
        TestCertificates.WriteDockerDirectory(Path.Combine(root, "authority-only"), authority, null);
        await File.WriteAllTextAsync(Path.Combine(root, "daemon.json"), "{}", ct);

        var port = FreePort();
        // Interface names are at most 15 characters.
        var bridge = "otls" + Guid.NewGuid().ToString("N")[..8];
        await RunAsync("ip", ["link", "add", "name", bridge, "type", "bridge"], ct);
        var start = new ProcessStartInfo("sh") { UseShellExecute = false };
        // exec: the pid is dockerd's own, so the signal reaches the engine and not a shell.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec dockerd \"$@\" >\"$0\" 2>&1");
        start.ArgumentList.Add(Path.Combine(root, "dockerd.log"));
        foreach (var argument in new[]
        {
            $"--host=tcp://127.0.0.1:{port}",
            "--tlsverify",
            $"--tlscacert={Path.Combine(engine, "ca.pem")}",
            $"--tlscert={Path.Combine(engine, "cert.pem")}",
            $"--tlskey={Path.Combine(engine, "key.pem")}",
            $"--data-root={Path.Combine(root, "data")}",
            $"--exec-root={Path.Combine(root, "exec")}",
            $"--pidfile={Path.Combine(root, "dockerd.pid")}",
            $"--config-file={Path.Combine(root, "daemon.json")}",
            $"--bridge={bridge}",
            "--iptables=false",
            "--ip-forward=false",
            "--ip-masq=false",
            "--storage-driver=vfs",
        })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dockerd could not be started.");
        var started = new TlsEngine(process, root, bridge, port);
        try
        {
            await started.WaitForListenerAsync(port, ct);
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    private async Task WaitForListenerAsync(int port, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"dockerd exited with {_process.ExitCode} before it listened:\n{await File.ReadAllTextAsync(Log, ct)}");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, ct);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < StartDeadline)
            {
                await Task.Delay(100, ct);
            }
        }
    }

    /// <summary>
    /// Imports an image holding only /bin/dash, /bin/sleep and the libraries they load, copied from this machine:
    /// the engine has no images and no registry to pull from, and this is a few megabytes.
    /// </summary>
    public static async Task<string> ImportShellImageAsync(IDockerClient client, CancellationToken ct)
    {
        string[] programs = ["/bin/dash", "/bin/sleep"];
        var files = new SortedSet<string>(programs, StringComparer.Ordinal);
        foreach (var program in programs)
        {
            files.UnionWith(await LoadedLibrariesAsync(program, ct));
        }
        using var archive = new MemoryStream();
        await using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var file in files)
            {
                // Links (ld-linux, merged /bin) are written as the files they lead to.
                var target = File.ResolveLinkTarget(file, returnFinalTarget: true)?.FullName ?? file;
                await using var content = File.OpenRead(target);
                var entry = new PaxTarEntry(TarEntryType.RegularFile, file.TrimStart('/'))
                {
                    DataStream = content,
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
                };
                await writer.WriteEntryAsync(entry, ct);
            }
        }
        archive.Position = 0;
        const string image = "orchestrator-tls-test/shell:local";
        await client.Images.CreateImageAsync(
            new ImagesCreateParameters { FromSrc = "-", Repo = "orchestrator-tls-test/shell", Tag = "local" },
            archive, new AuthConfig(), new Progress<JSONMessage>(), ct);
        return image;
    }

    /// <summary>The absolute paths ldd lists for <paramref name="program"/>.</summary>
    private static async Task<IEnumerable<string>> LoadedLibrariesAsync(string program, CancellationToken ct)
    {
        var start = new ProcessStartInfo("ldd", [program]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var ldd = Process.Start(start) ?? throw new InvalidOperationException("ldd could not be started.");
        var output = await ldd.StandardOutput.ReadToEndAsync(ct);
        await ldd.WaitForExitAsync(ct);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ').FirstOrDefault(part => part.StartsWith('/')))
            .OfType<string>()
            .ToList();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await RunAsync("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], CancellationToken.None);
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
        await RunAsync("ip", ["link", "delete", _bridge], CancellationToken.None);
        Directory.Delete(_root, recursive: true);
    }

    private static async Task RunAsync(string program, IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started.");
        var error = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', start.ArgumentList)} failed with {process.ExitCode}: {error}");
        }
    }
}
