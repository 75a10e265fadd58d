using System.Globalization;
using System.Text;
using System.Xml;
using Orchestrator.Results;
using Orchestrator.Results.Trx;

namespace Orchestrator.Reporting;

/// <summary>
/// Writes one layer's merged results as JUnit XML, one <c>testsuite</c> per assembly, with re-runs marked
/// the Maven Surefire way: a test that failed then passed is a passing <c>testcase</c> with
/// <c>flakyFailure</c> children; a test that failed every attempt has a <c>failure</c> plus a
/// <c>rerunFailure</c> per re-run. A test without a result (its host crashed, hung or timed out) is an
/// <c>error</c>, not a <c>failure</c>. A test that failed only while another unit shared its container is a <c>failure</c>,
/// as the verdict counts it. Quarantined tests that did not pass are written as skipped with the reason.
/// Valid against the Jenkins xUnit plugin's <c>junit-10.xsd</c>: <c>testsuites</c> carries only its name, time and counts.
/// </summary>
internal static class JUnitWriter
{
    public static void Write(Stream stream, LayerResults layer, MergedRun run)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(run);
        layer = run.AsReported(layer);

        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CheckCharacters = false };
        using var writer = XmlWriter.Create(stream, settings);
        writer.WriteStartDocument();
        writer.WriteStartElement("testsuites");
        writer.WriteAttributeString("name", $"{layer.Name} ({run.Record.Cadence} {run.Record.RunId})");
        WriteCounts(writer, layer.Tests, withSkipped: false);

        foreach (var suite in layer.Tests.GroupBy(test => test.Key.Assembly, StringComparer.Ordinal))
        {
            var tests = suite.ToList();
            writer.WriteStartElement("testsuite");
            writer.WriteAttributeString("name", suite.Key);
            WriteCounts(writer, tests, withSkipped: true);
            var start = tests.SelectMany(test => test.Attempts).Select(attempt => attempt.Unit.StartedAt).DefaultIfEmpty(run.Record.StartedAt).Min();
            writer.WriteAttributeString("timestamp", start.ToString("s", CultureInfo.InvariantCulture));
            writer.WriteAttributeString("hostname", Clean(tests.SelectMany(test => test.Attempts).Select(attempt => attempt.Result.ComputerName).FirstOrDefault(name => name is not null) ?? Environment.MachineName));
            if (run.Record.Incomplete)
            {
                writer.WriteStartElement("properties");
                writer.WriteStartElement("property");
                writer.WriteAttributeString("name", "orchestrator.incomplete");
                writer.WriteAttributeString("value", "true");
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            foreach (var test in tests)
            {
                WriteTestCase(writer, test);
            }
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static void WriteCounts(XmlWriter writer, IReadOnlyCollection<MergedTest> tests, bool withSkipped)
    {
        var errors = tests.Count(test => test.IsHardFailure && test.Outcome == TestOutcome.NotRun);
        var failures = tests.Count(test => test.IsHardFailure) - errors;
        writer.WriteAttributeString("tests", tests.Count.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
        if (withSkipped)
        {
            var skipped = tests.Count(test => test.Outcome == TestOutcome.Skipped || (test.Quarantined && test.Outcome is not TestOutcome.Passed and not TestOutcome.Skipped));
            writer.WriteAttributeString("skipped", skipped.ToString(CultureInfo.InvariantCulture));
        }
        writer.WriteAttributeString("time", Seconds(tests.Aggregate(TimeSpan.Zero, (sum, test) => sum + test.Duration)));
    }

    private static void WriteTestCase(XmlWriter writer, MergedTest test)
    {
        var definition = test.Attempts.Count > 0 ? test.Attempts[0].Result.Definition : null;
        var className = definition?.ClassName ?? ClassOf(test.Key.FullyQualifiedName);
        writer.WriteStartElement("testcase");
        writer.WriteAttributeString("name", Clean(test.DisplayName));
        writer.WriteAttributeString("classname", Clean(className));
        writer.WriteAttributeString("time", Seconds(test.Duration));

        var failedAttempts = test.Attempts.Where(attempt => attempt.Result.Outcome.IsFailure()).ToList();
        if (test.Quarantined && test.Outcome is not TestOutcome.Passed and not TestOutcome.Skipped)
        {
            WriteMessageElement(writer, "skipped", $"quarantined ({test.Outcome}): {test.FailureMessage}");
        }
        else
        {
            switch (test.Outcome)
            {
                case TestOutcome.Skipped:
                    WriteMessageElement(writer, "skipped", test.Attempts.Count > 0 ? test.Attempts[^1].Result.ErrorMessage : null);
                    break;
                case TestOutcome.Flaky:
                    foreach (var attempt in failedAttempts)
                    {
                        WriteAttemptElement(writer, "flakyFailure", attempt.Result, nested: true);
                    }
                    break;
                case TestOutcome.Failed when failedAttempts.Count > 0:
                    WriteAttemptElement(writer, "failure", failedAttempts[0].Result, nested: false);
                    foreach (var attempt in failedAttempts.Skip(1))
                    {
                        WriteAttemptElement(writer, "rerunFailure", attempt.Result, nested: true);
                    }
                    break;
                case TestOutcome.NotRun:
                case TestOutcome.Failed:
                    // No result at all: the host crashed, hung or timed out, which is an error of the run, not an assertion.
                    writer.WriteStartElement(test.Outcome == TestOutcome.NotRun ? "error" : "failure");
                    writer.WriteAttributeString("message", Clean(test.FailureMessage ?? "failed"));
                    writer.WriteAttributeString("type", test.Outcome == TestOutcome.NotRun ? "NotRun" : FailureType.Of(test.FailureMessage));
                    writer.WriteEndElement();
                    foreach (var attempt in failedAttempts)
                    {
                        WriteAttemptElement(writer, "rerunFailure", attempt.Result, nested: true);
                    }
                    break;
                default:
                    break;
            }
        }

        var output = test.Attempts.Count > 0 ? test.Attempts[^1].Result : null;
        if (output?.StdOut is not null)
        {
            writer.WriteElementString("system-out", Clean(output.StdOut));
        }
        if (output?.StdErr is not null)
        {
            writer.WriteElementString("system-err", Clean(output.StdErr));
        }
        writer.WriteEndElement();
    }

    /// <summary>Surefire: <c>failure</c> holds the stack trace as text; re-run elements hold <c>stackTrace</c>, <c>system-out</c>, <c>system-err</c> children.</summary>
    private static void WriteAttemptElement(XmlWriter writer, string name, TestCaseResult result, bool nested)
    {
        writer.WriteStartElement(name);
        writer.WriteAttributeString("message", Clean(result.ErrorMessage ?? result.Outcome.ToString()));
        writer.WriteAttributeString("type", FailureType.Of(result.ErrorMessage));
        if (!nested)
        {
            if (result.StackTrace is not null)
            {
                writer.WriteString(Clean(result.StackTrace));
            }
        }
        else
        {
            if (result.StackTrace is not null)
            {
                writer.WriteElementString("stackTrace", Clean(result.StackTrace));
            }
            if (result.StdOut is not null)
            {
                writer.WriteElementString("system-out", Clean(result.StdOut));
            }
            if (result.StdErr is not null)
            {
                writer.WriteElementString("system-err", Clean(result.StdErr));
            }
        }
        writer.WriteEndElement();
    }

    private static void WriteMessageElement(XmlWriter writer, string name, string? message)
    {
        writer.WriteStartElement(name);
        if (message is not null)
        {
            writer.WriteAttributeString("message", Clean(message));
        }
        writer.WriteEndElement();
    }

    private static string ClassOf(string fullyQualifiedName)
    {
        var dot = fullyQualifiedName.LastIndexOf('.');
        return dot > 0 ? fullyQualifiedName[..dot] : fullyQualifiedName;
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Clean(string text) => XmlText.Clean(text);
}
