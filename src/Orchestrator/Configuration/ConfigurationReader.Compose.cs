using System.Collections.Immutable;
using System.Text.Json;

namespace Orchestrator.Configuration;

internal sealed partial class ConfigurationReader
{
    /// <summary>The docker-compose service a resource names in <c>compose</c>, its build context made relative to the configuration file.</summary>
    private ComposeService? ReadCompose(JsonElement resource, string resourcePath)
    {
        if (!JsonObjectReader.TryGet(resource, "compose", out var element))
        {
            return null;
        }
        var path = JsonPath.Property(resourcePath, "compose");
        if (!json.Object(element, path, ConfigurationKeys.Compose))
        {
            return null;
        }
        var file = json.String(element, path, "file", required: true);
        var service = json.String(element, path, "service", required: true);
        if (file is null || service is null)
        {
            return null;
        }
        var configurationDirectory = Path.GetDirectoryName(Path.GetFullPath(_sourcePath)) ?? Directory.GetCurrentDirectory();
        var composePath = Path.GetFullPath(Path.Combine(configurationDirectory, file));
        if (!File.Exists(composePath))
        {
            json.Error(JsonPath.Property(path, "file"), $"Compose file '{file}' does not exist (looked for {composePath}).", "Give the path of the docker-compose file relative to the configuration file.");
            return null;
        }
        try
        {
            var compose = ComposeFileReader.Read(File.ReadAllText(composePath), file, service);
            if (compose.Build is { } build)
            {
                var context = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(composePath)!, build.Context));
                compose = compose with { Build = build with { Context = Path.GetRelativePath(configurationDirectory, context) } };
            }
            return compose;
        }
        catch (ComposeException e)
        {
            json.Error(path, e.Message, e.Fix);
            return null;
        }
        catch (IOException e)
        {
            json.Error(JsonPath.Property(path, "file"), $"Compose file '{file}' cannot be read: {e.Message}", "Check the file's permissions.");
            return null;
        }
    }

    /// <summary>The compose service's environment with the configuration's own variables on top.</summary>
    private static ImmutableDictionary<string, string>? MergeEnvironment(ImmutableDictionary<string, string>? compose, ImmutableDictionary<string, string>? configured) =>
        (compose, configured) switch
        {
            (null, _) => configured,
            (_, null) => compose,
            _ => compose.SetItems(configured),
        };
}
