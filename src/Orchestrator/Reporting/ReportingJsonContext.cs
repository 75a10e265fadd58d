using System.Text.Json.Serialization;
using Orchestrator.Results;

namespace Orchestrator.Reporting;

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    Converters = [typeof(ResourceSetJsonConverter)])]
[JsonSerializable(typeof(RunRecord))]
[JsonSerializable(typeof(TimingFile))]
internal sealed partial class ReportingJsonContext : JsonSerializerContext;
