using System.Text.Json.Serialization;
using Orchestrator.History;

namespace Orchestrator.Cli.Flaky;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(HistoryReport))]
internal sealed partial class FlakyJsonContext : JsonSerializerContext;
