using System.Text.Json.Serialization;
using Orchestrator.Results;

namespace Orchestrator.Reporting;

/// <summary>Unit results are many and read by tools, not people: compact, without nulls.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(IReadOnlyList<TestCaseResult>))]
internal sealed partial class UnitResultsJsonContext : JsonSerializerContext;
