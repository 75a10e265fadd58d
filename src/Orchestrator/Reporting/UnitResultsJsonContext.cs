using System.Text.Json.Serialization;
using Orchestrator.Results.Trx;

namespace Orchestrator.Reporting;

/// <summary>Unit results are many and read by tools, not people: compact, without nulls.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(IReadOnlyList<TrxTestResult>))]
internal sealed partial class UnitResultsJsonContext : JsonSerializerContext;
