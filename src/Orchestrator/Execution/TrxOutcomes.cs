using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Orchestrator.Execution;

/// <summary>
/// The per-test outcomes of one unit's TRX file, as much as execution needs: progress after the
/// unit ends, which tests failed (re-runs) and which tests have a result at all.
/// </summary>
internal static class TrxOutcomes
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>The file's results, or null when it is missing or not a readable TRX.</summary>
    public static IReadOnlyList<LiveTestResult>? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            var document = XDocument.Load(path);
            var definitions = document.Descendants(Ns + "UnitTest")
                .Select(test => (Id: (string?)test.Attribute("id"), Method: test.Element(Ns + "TestMethod")))
                .Where(pair => pair.Id is not null && pair.Method is not null)
                .ToDictionary(pair => pair.Id!, pair => pair.Method!, StringComparer.OrdinalIgnoreCase);
            var results = new List<LiveTestResult>();
            foreach (var result in document.Descendants(Ns + "UnitTestResult"))
            {
                var testName = (string?)result.Attribute("testName") ?? string.Empty;
                var testId = (string?)result.Attribute("testId") ?? string.Empty;
                var method = definitions.GetValueOrDefault(testId);
                var className = (string?)method?.Attribute("className");
                var methodName = (string?)method?.Attribute("name");
                var fullyQualifiedName = className is not null && methodName is not null ? $"{className}.{methodName}" : testName;
                var duration = TimeSpan.TryParse((string?)result.Attribute("duration"), CultureInfo.InvariantCulture, out var parsed) ? parsed : TimeSpan.Zero;
                results.Add(new LiveTestResult(
                    fullyQualifiedName,
                    testName,
                    (string?)method?.Attribute("codeBase") ?? string.Empty,
                    ToOutcome((string?)result.Attribute("outcome")),
                    duration,
                    result.Descendants(Ns + "Message").FirstOrDefault()?.Value));
            }
            return results;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static TestResultOutcome ToOutcome(string? outcome) => outcome switch
    {
        "Passed" => TestResultOutcome.Passed,
        "Failed" or "Error" or "Timeout" or "Aborted" => TestResultOutcome.Failed,
        "NotExecuted" or "Inconclusive" => TestResultOutcome.Skipped,
        _ => TestResultOutcome.None,
    };
}
