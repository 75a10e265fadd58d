using System.Text.Json;
using Orchestrator.Model;

namespace Orchestrator.Discovery;

/// <summary>What the orchestrator logger wrote during <c>dotnet test --list-tests</c>.</summary>
/// <param name="Completed">True when the <c>discoveryComplete</c> line was written.</param>
internal sealed record DiscoveryLog(IReadOnlyList<DiscoveredCase> Cases, bool Completed, bool Aborted, long Total)
{
    /// <summary>Parses the logger's JSON Lines; blank lines and unknown kinds are ignored.</summary>
    public static DiscoveryLog Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var cases = new List<DiscoveredCase>();
        var completed = false;
        var aborted = false;
        long total = 0;
        var lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            DiscoveryLogLine entry;
            try
            {
                entry = JsonSerializer.Deserialize(line, DiscoveryJsonContext.Default.DiscoveryLogLine)
                    ?? throw new InvalidDataException($"Line {lineNumber} of the discovery log is null.");
            }
            catch (JsonException exception)
            {
                throw new InvalidDataException($"Line {lineNumber} of the discovery log is not JSON: {exception.Message}", exception);
            }

            switch (entry.Kind)
            {
                case "discovered" when !string.IsNullOrEmpty(entry.FullyQualifiedName):
                    cases.Add(new DiscoveredCase(
                        entry.FullyQualifiedName,
                        entry.DisplayName ?? entry.FullyQualifiedName,
                        entry.Source ?? "",
                        ToTraits(entry.Traits),
                        [.. entry.Categories ?? []])
                    {
                        Id = string.IsNullOrEmpty(entry.Id) ? null : entry.Id,
                    });
                    break;
                case "discoveryComplete":
                    completed = true;
                    aborted = entry.Aborted ?? false;
                    total = entry.Total ?? cases.Count;
                    break;
            }
        }

        return new DiscoveryLog(cases, completed, aborted, total);
    }

    internal static IReadOnlyList<TestTrait> ToTraits(IReadOnlyList<DiscoveryLogTrait>? traits) =>
        [.. (traits ?? []).Where(trait => trait.Name is not null).Select(trait => new TestTrait(trait.Name!, trait.Value ?? ""))];
}
