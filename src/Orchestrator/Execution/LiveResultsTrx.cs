using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Orchestrator.Results;

namespace Orchestrator.Execution;

/// <summary>
/// Writes a TRX file from the results a unit streamed while it ran, for a unit whose test process ended
/// (killed on Ctrl+C, a unit timeout or a hang, or crashed) before VSTest wrote its own TRX: the tests that
/// finished keep their outcomes in the merge, and only the others are reported as not run.
/// </summary>
internal static class LiveResultsTrx
{
    private const string Namespace = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    private const string UnitTestType = "13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b";
    private const string AllLoadedResultsListId = "8c84fa94-04c1-424b-9868-57a2d4851a1d";

    public static void Write(string path, IReadOnlyList<LiveTestResult> streamed, DateTimeOffset startedAt, DateTimeOffset finishedAt, string note)
    {
        // A result without an outcome says nothing the merge could use: that test counts as not run.
        var results = streamed.Where(result => result.Outcome is TestResultOutcome.Passed or TestResultOutcome.Failed or TestResultOutcome.Skipped).ToList();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var writer = XmlWriter.Create(path, settings);
        var computer = Environment.MachineName;
        writer.WriteStartElement("TestRun", Namespace);
        writer.WriteAttributeString("id", Guid.NewGuid().ToString());
        writer.WriteAttributeString("name", $"Results streamed by the orchestrator logger {Time(finishedAt)}");
        writer.WriteStartElement("Times");
        writer.WriteAttributeString("creation", Time(finishedAt));
        writer.WriteAttributeString("start", Time(startedAt));
        writer.WriteAttributeString("finish", Time(finishedAt));
        writer.WriteEndElement();

        writer.WriteStartElement("Results");
        foreach (var result in results)
        {
            WriteResult(writer, result, computer, finishedAt);
        }
        writer.WriteEndElement();

        writer.WriteStartElement("TestDefinitions");
        foreach (var result in results.DistinctBy(result => (result.Id, result.FullyQualifiedName, result.DisplayName)))
        {
            WriteDefinition(writer, result);
        }
        writer.WriteEndElement();

        writer.WriteStartElement("ResultSummary");
        writer.WriteAttributeString("outcome", "Failed");
        writer.WriteStartElement("Counters");
        writer.WriteAttributeString("total", Count(results.Count));
        writer.WriteAttributeString("executed", Count(results.Count(result => result.Outcome != TestResultOutcome.Skipped)));
        writer.WriteAttributeString("passed", Count(results.Count(result => result.Outcome == TestResultOutcome.Passed)));
        writer.WriteAttributeString("failed", Count(results.Count(result => result.Outcome == TestResultOutcome.Failed)));
        writer.WriteEndElement();
        writer.WriteStartElement("RunInfos");
        writer.WriteStartElement("RunInfo");
        writer.WriteAttributeString("computerName", computer);
        writer.WriteAttributeString("outcome", "Warning");
        writer.WriteAttributeString("timestamp", Time(finishedAt));
        writer.WriteElementString("Text", note);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteResult(XmlWriter writer, LiveTestResult result, string computer, DateTimeOffset finishedAt)
    {
        writer.WriteStartElement("UnitTestResult");
        writer.WriteAttributeString("executionId", Guid.NewGuid().ToString());
        writer.WriteAttributeString("testId", TestId(result).ToString());
        writer.WriteAttributeString("testName", result.DisplayName);
        writer.WriteAttributeString("computerName", computer);
        writer.WriteAttributeString("duration", result.Duration.ToString("c", CultureInfo.InvariantCulture));
        writer.WriteAttributeString("startTime", Time(finishedAt - result.Duration));
        writer.WriteAttributeString("endTime", Time(finishedAt));
        writer.WriteAttributeString("testType", UnitTestType);
        writer.WriteAttributeString("outcome", Outcome(result.Outcome));
        writer.WriteAttributeString("testListId", AllLoadedResultsListId);
        if (result.ErrorMessage is { } message)
        {
            writer.WriteStartElement("Output");
            writer.WriteStartElement("ErrorInfo");
            writer.WriteElementString("Message", message);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    private static void WriteDefinition(XmlWriter writer, LiveTestResult result)
    {
        var (className, method) = Split(result.FullyQualifiedName);
        var id = TestId(result).ToString();
        writer.WriteStartElement("UnitTest");
        writer.WriteAttributeString("name", result.DisplayName);
        writer.WriteAttributeString("storage", result.Source.ToLowerInvariant());
        writer.WriteAttributeString("id", id);
        writer.WriteStartElement("Execution");
        writer.WriteAttributeString("id", id);
        writer.WriteEndElement();
        writer.WriteStartElement("TestMethod");
        writer.WriteAttributeString("codeBase", result.Source);
        writer.WriteAttributeString("className", className);
        writer.WriteAttributeString("name", method);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>Class and method of a fully qualified name; a dot inside the arguments of a data row does not split.</summary>
    private static (string ClassName, string Method) Split(string fullyQualifiedName)
    {
        var className = QualifiedName.ClassOf(fullyQualifiedName);
        return className.Length == 0 ? ("", fullyQualifiedName) : (className, fullyQualifiedName[(className.Length + 1)..]);
    }

    /// <summary>The platform's id of the case, so a streamed attempt merges with the same case's TRX attempts; a stable hash without it.</summary>
    private static Guid TestId(LiveTestResult result) => result.Id ?? new(SHA256.HashData(Encoding.UTF8.GetBytes($"{result.Source}\n{result.FullyQualifiedName}\n{result.DisplayName}")).AsSpan(0, 16));

    private static string Outcome(TestResultOutcome outcome) => outcome switch
    {
        TestResultOutcome.Passed => "Passed",
        TestResultOutcome.Failed => "Failed",
        _ => "NotExecuted",
    };

    private static string Time(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
