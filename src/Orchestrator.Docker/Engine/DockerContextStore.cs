using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Orchestrator.Resources;

namespace Orchestrator.Docker.Engine;

/// <summary>
/// The docker command-line's context store under the docker configuration directory: the current
/// context in config.json, each context's endpoint in contexts/meta/&lt;sha256 of its name&gt;/meta.json
/// and its TLS material in contexts/tls/&lt;same hash&gt;/docker.
/// </summary>
/// <param name="ConfigDirectory">The configuration directory (DOCKER_CONFIG, else ~/.docker).</param>
/// <param name="ConfigDisplay">How to name that directory in messages.</param>
internal sealed record DockerContextStore(string ConfigDirectory, string ConfigDisplay)
{
    public const string DefaultContext = "default";

    private static readonly string[] TlsFiles = ["ca.pem", "cert.pem", "key.pem"];

    public string ConfigFileDisplay => ConfigDisplay + "/config.json";

    /// <summary>The configuration directory named by DOCKER_CONFIG, else ~/.docker.</summary>
    public static DockerContextStore FromEnvironment(Func<string, string?> environment)
    {
        var configured = environment("DOCKER_CONFIG");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new DockerContextStore(configured, configured);
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return new DockerContextStore(Path.Combine(home, ".docker"), "~/.docker");
    }

    /// <summary>currentContext from config.json; null when the file or the field is absent.</summary>
    public string? CurrentContext()
    {
        var file = Path.Combine(ConfigDirectory, "config.json");
        if (!File.Exists(file))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("currentContext", out var current)
                && current.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(current.GetString())
                ? current.GetString()
                : null;
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new ResourceException(
                $"The docker configuration {file} could not be read to find the current context: {exception.Message}. Fix or remove that file, or set DOCKER_HOST.");
        }
    }

    /// <summary>The endpoint of a context; <paramref name="source"/> says how the context was chosen.</summary>
    public DockerEndpoint Resolve(string name, string source)
    {
        if (name == DefaultContext)
        {
            return DockerEndpoint.Default with { Source = source };
        }
        var hash = Hash(name);
        var meta = Path.Combine(ConfigDirectory, "contexts", "meta", hash, "meta.json");
        var (host, skipTlsVerify) = ReadDockerEndpoint(name, meta);
        if (!DockerEndpoint.TryParseHost(host, out var uri))
        {
            throw new ResourceException(
                $"The docker context '{name}' points at '{host}' ({meta}), which is not an engine address. Use unix:///path/to/docker.sock or tcp://host:2376 (docker context update {name} --docker host=...), choose another context (docker context ls), or unset DOCKER_CONTEXT.");
        }
        var tls = Path.Combine(ConfigDirectory, "contexts", "tls", hash, "docker");
        var hasTls = TlsFiles.Any(file => File.Exists(Path.Combine(tls, file)));
        return new DockerEndpoint(uri, hasTls ? tls : null) { Source = source, SkipTlsVerify = skipTlsVerify, TlsFromContext = true };
    }

    /// <summary>The directory name docker gives a context: the lowercase hex SHA-256 of its name.</summary>
    public static string Hash(string name) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    private static (string Host, bool SkipTlsVerify) ReadDockerEndpoint(string name, string meta)
    {
        var fix = "List the contexts with 'docker context ls' and choose one that exists (docker context use NAME), or unset DOCKER_CONTEXT.";
        if (!File.Exists(meta))
        {
            throw new ResourceException($"The docker context '{name}' does not exist: {meta} is missing. {fix}");
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(meta));
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("Endpoints", out var endpoints)
                && endpoints.ValueKind == JsonValueKind.Object
                && endpoints.TryGetProperty("docker", out var docker)
                && docker.ValueKind == JsonValueKind.Object
                && docker.TryGetProperty("Host", out var host)
                && host.ValueKind == JsonValueKind.String)
            {
                var skip = docker.TryGetProperty("SkipTLSVerify", out var flag) && flag.ValueKind == JsonValueKind.True;
                return (host.GetString()!, skip);
            }
            throw new ResourceException($"The docker context '{name}' has no docker endpoint: {meta} lacks Endpoints.docker.Host. {fix}");
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new ResourceException($"The docker context '{name}' could not be read from {meta}: {exception.Message}. {fix}");
        }
    }
}
