using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Discovery;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false)]
[JsonSerializable(typeof(ManifestDocument))]
[JsonSerializable(typeof(DiscoveryLogLine))]
[JsonSerializable(typeof(CachedDiscovery))]
internal sealed partial class DiscoveryJsonContext : JsonSerializerContext;
