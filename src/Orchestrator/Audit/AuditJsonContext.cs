using System.Text.Json.Serialization;

namespace Orchestrator.Audit;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AuditDocument))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
