using System.Text.Json.Serialization;

namespace Orchestrator.Pipeline.Up;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(UpState))]
internal sealed partial class UpJsonContext : JsonSerializerContext;
