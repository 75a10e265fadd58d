using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Runtime.Caching;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false)]
[JsonSerializable(typeof(StoredCacheEntry))]
internal sealed partial class CacheJsonContext : JsonSerializerContext;
