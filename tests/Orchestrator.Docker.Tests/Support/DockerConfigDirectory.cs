using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Orchestrator.Docker.Tests.Support;

/// <summary>A temporary DOCKER_CONFIG directory laid out the way the docker command-line stores contexts.</summary>
internal sealed class DockerConfigDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("orchestrator-docker-config-").FullName;

    /// <summary>contexts/meta/&lt;sha256 hex of the name&gt;, hashed here independently of the code under test.</summary>
    public static string HashOf(string name)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        var hex = new StringBuilder(digest.Length * 2);
        foreach (var b in digest)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return hex.ToString();
    }

    public string MetaFile(string name) => System.IO.Path.Combine(Path, "contexts", "meta", HashOf(name), "meta.json");

    public string TlsDirectory(string name) => System.IO.Path.Combine(Path, "contexts", "tls", HashOf(name), "docker");

    public void SetCurrentContext(string name) =>
        File.WriteAllText(System.IO.Path.Combine(Path, "config.json"), $$"""{ "auths": {}, "currentContext": "{{name}}" }""");

    public void AddContext(string name, string host, bool skipTlsVerify = false)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(MetaFile(name))!);
        var meta = new
        {
            Name = name,
            Metadata = new { Description = "test" },
            Endpoints = new { docker = new { Host = host, SkipTLSVerify = skipTlsVerify } },
        };
        File.WriteAllText(MetaFile(name), JsonSerializer.Serialize(meta));
    }

    public void AddTls(string name)
    {
        Directory.CreateDirectory(TlsDirectory(name));
        foreach (var file in new[] { "ca.pem", "cert.pem", "key.pem" })
        {
            File.WriteAllText(System.IO.Path.Combine(TlsDirectory(name), file), "not a real certificate");
        }
    }

    /// <summary>The context's TLS material: the files of a docker certificate directory, copied as 'docker context create --docker ca=…,cert=…,key=…' does.</summary>
    public void CopyTls(string name, string certificates)
    {
        Directory.CreateDirectory(TlsDirectory(name));
        foreach (var file in Directory.GetFiles(certificates, "*.pem"))
        {
            File.Copy(file, System.IO.Path.Combine(TlsDirectory(name), System.IO.Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
