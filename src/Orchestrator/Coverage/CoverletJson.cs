using System.Text.Json;

namespace Orchestrator.Coverage;

/// <summary>
/// Reads coverlet's JSON format: <c>{ module: { file: { class: { method: { "Lines": { "12": 3 }, "Branches": [ { "Line",
/// "Offset", "EndOffset", "Path", "Ordinal", "Hits" } ] } } } } }</c>.
/// </summary>
internal static class CoverletJson
{
    /// <exception cref="FormatException">The text is not coverlet's JSON.</exception>
    public static CoverageData Parse(string text)
    {
        var data = new CoverageData();
        try
        {
            using var document = JsonDocument.Parse(text);
            foreach (var module in Objects(document.RootElement))
            {
                foreach (var file in Objects(module.Value))
                {
                    foreach (var type in Objects(file.Value))
                    {
                        foreach (var method in Objects(type.Value))
                        {
                            Read(method.Value, data.Method(module.Name, file.Name, type.Name, method.Name));
                        }
                    }
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new FormatException($"Not coverlet's JSON coverage format: {exception.Message}", exception);
        }
        return data;
    }

    private static void Read(JsonElement method, MethodCoverage coverage)
    {
        foreach (var line in method.GetProperty("Lines").EnumerateObject())
        {
            var number = int.Parse(line.Name, System.Globalization.CultureInfo.InvariantCulture);
            coverage.Lines[number] = coverage.Lines.GetValueOrDefault(number) + line.Value.GetInt32();
        }
        foreach (var branch in method.GetProperty("Branches").EnumerateArray())
        {
            var path = new BranchPath(
                branch.GetProperty("Line").GetInt32(),
                branch.GetProperty("Offset").GetInt32(),
                branch.GetProperty("EndOffset").GetInt32(),
                branch.GetProperty("Path").GetInt32(),
                branch.GetProperty("Ordinal").GetInt32());
            coverage.Branches[path] = coverage.Branches.GetValueOrDefault(path) + branch.GetProperty("Hits").GetInt32();
        }
    }

    private static JsonElement.ObjectEnumerator Objects(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject()
            : throw new JsonException($"Expected an object, found {element.ValueKind}.");
}
