using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Orchestrator.Results;
using Orchestrator.Results.Trx;

namespace Orchestrator.Reporting;

/// <summary>
/// Writes one layer's merged results as a standard VSTest TRX file: one definition and one top-level
/// result per test case, with the case's final outcome, because TRX consumers (Azure DevOps, test
/// reporters, TRX parsers) count each top-level <c>UnitTestResult</c> as one result. A case that ran more
/// than once (re-runs, repetitions) keeps every attempt as an inner result, the way VSTest writes data rows.
/// Not-run tests are failed results that say why, and a test that failed only while another unit shared its container is
/// a failed result, as the verdict counts it; counters come from final outcomes.
/// </summary>
internal static class TrxWriter
{
    private const string Ns = TrxSchema.NamespaceUri;

    public static void Write(Stream stream, LayerResults layer, MergedRun run)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(run);
        layer = run.AsReported(layer);

        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CheckCharacters = false };
        using var writer = XmlWriter.Create(stream, settings);
        var rows = Rows(layer);
        var (start, finish) = Span(layer, run.Record);

        writer.WriteStartDocument();
        writer.WriteStartElement("TestRun", Ns);
        writer.WriteAttributeString("id", DerivedId($"{run.Record.RunId}|{layer.Name}"));
        writer.WriteAttributeString("name", $"orchestrator {run.Record.Cadence} {run.Record.RunId} {layer.Name}");
        writer.WriteAttributeString("runUser", Environment.UserName);

        writer.WriteStartElement("Times", Ns);
        writer.WriteAttributeString("creation", Format(finish));
        writer.WriteAttributeString("queuing", Format(start));
        writer.WriteAttributeString("start", Format(start));
        writer.WriteAttributeString("finish", Format(finish));
        writer.WriteEndElement();

        writer.WriteStartElement("TestSettings", Ns);
        writer.WriteAttributeString("name", "default");
        writer.WriteAttributeString("id", DerivedId($"{run.Record.RunId}|{layer.Name}|settings"));
        writer.WriteStartElement("Deployment", Ns);
        writer.WriteAttributeString("runDeploymentRoot", run.Record.RunId);
        writer.WriteEndElement();
        writer.WriteEndElement();

        writer.WriteStartElement("Results", Ns);
        foreach (var row in rows)
        {
            WriteResult(writer, row);
        }
        writer.WriteEndElement();

        writer.WriteStartElement("TestDefinitions", Ns);
        foreach (var row in rows)
        {
            WriteDefinition(writer, row.Test, row.ExecutionId);
        }
        writer.WriteEndElement();

        writer.WriteStartElement("TestEntries", Ns);
        foreach (var row in rows)
        {
            writer.WriteStartElement("TestEntry", Ns);
            writer.WriteAttributeString("testId", row.Test.TestId);
            writer.WriteAttributeString("executionId", row.ExecutionId);
            writer.WriteAttributeString("testListId", TrxSchema.ResultsNotInAListId);
            writer.WriteEndElement();
        }
        writer.WriteEndElement();

        writer.WriteStartElement("TestLists", Ns);
        WriteTestList(writer, "Results Not in a List", TrxSchema.ResultsNotInAListId);
        WriteTestList(writer, "All Loaded Results", TrxSchema.AllLoadedResultsId);
        writer.WriteEndElement();

        WriteSummary(writer, layer, run, rows, finish);

        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    /// <summary>One top-level row per test; a test with several attempts gets a parent row holding them all.</summary>
    private static List<Row> Rows(LayerResults layer)
    {
        var rows = new List<Row>(layer.Tests.Count);
        var executionIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var test in layer.Tests)
        {
            var attempts = new List<Row>(test.Attempts.Count + test.NotRun.Count);
            var index = 0;
            foreach (var attempt in test.Attempts)
            {
                var id = UniqueExecutionId(executionIds, attempt.Result.ExecutionId, test, attempt.Unit, index++);
                attempts.Add(new Row(test, id, attempt.Unit, attempt.Result, null));
            }
            foreach (var notRun in test.NotRun)
            {
                var id = UniqueExecutionId(executionIds, null, test, notRun.Unit, index++);
                attempts.Add(new Row(test, id, notRun.Unit, null, notRun.Reason));
            }
            if (attempts.Count == 1)
            {
                rows.Add(attempts[0]);
                continue;
            }
            var parentId = UniqueExecutionId(executionIds, null, test, attempts[^1].Unit, index);
            var shown = Representative(test, attempts);
            rows.Add(new Row(test, parentId, shown.Unit, shown.Result, shown.NotRunReason)
            {
                Inner = [.. attempts.Select(attempt => attempt with { ParentExecutionId = parentId })],
            });
        }
        return rows;
    }

    /// <summary>The attempt whose message and output the parent shows: the last failure of a failed test, else the last attempt.</summary>
    private static Row Representative(MergedTest test, List<Row> attempts)
    {
        if (test.Outcome is TestOutcome.Failed or TestOutcome.NotRun)
        {
            var failure = attempts.LastOrDefault(row => row.Result is null || row.Result.Outcome.IsFailure());
            if (failure is not null)
            {
                return failure;
            }
        }
        return attempts.LastOrDefault(row => row.Result is not null) ?? attempts[^1];
    }

    /// <summary>The TRX outcome of a case as the counters count it: flaky passed, not run failed.</summary>
    private static string FinalOutcome(MergedTest test) => test.Outcome switch
    {
        TestOutcome.Passed or TestOutcome.Flaky => nameof(TrxOutcome.Passed),
        TestOutcome.Skipped => nameof(TrxOutcome.NotExecuted),
        _ => nameof(TrxOutcome.Failed),
    };

    private static string UniqueExecutionId(HashSet<string> used, string? original, MergedTest test, UnitRun unit, int index)
    {
        if (!string.IsNullOrEmpty(original) && used.Add(original))
        {
            return original;
        }
        var id = DerivedId($"{test.TestId}|{unit.UnitId}|{unit.Repetition}|{unit.Attempt}|{index}");
        used.Add(id);
        return id;
    }

    private static void WriteResult(XmlWriter writer, Row row)
    {
        var result = row.Result;
        writer.WriteStartElement("UnitTestResult", Ns);
        writer.WriteAttributeString("executionId", row.ExecutionId);
        if (row.ParentExecutionId is not null)
        {
            writer.WriteAttributeString("parentExecutionId", row.ParentExecutionId);
        }
        writer.WriteAttributeString("testId", row.Test.TestId);
        writer.WriteAttributeString("testName", XmlText.Clean(row.Test.DisplayName));
        writer.WriteAttributeString("computerName", result?.ComputerName ?? Environment.MachineName);
        writer.WriteAttributeString("duration", (result?.Duration ?? TimeSpan.Zero).ToString("c", CultureInfo.InvariantCulture));
        writer.WriteAttributeString("startTime", Format(result?.StartTime ?? row.Unit.StartedAt));
        writer.WriteAttributeString("endTime", Format(result?.EndTime ?? row.Unit.FinishedAt));
        writer.WriteAttributeString("testType", TrxSchema.UnitTestType);
        // A top-level result carries the case's final outcome; an attempt its own. A selected test without a
        // result fails: consumers must not mistake it for a skip.
        var outcome = row.ParentExecutionId is null ? FinalOutcome(row.Test) : result is null ? nameof(TrxOutcome.Failed) : result.Outcome.ToString();
        writer.WriteAttributeString("outcome", outcome);
        if (row.Inner.Count > 0)
        {
            writer.WriteAttributeString("resultType", "DataDrivenTest");
        }
        else if (row.ParentExecutionId is not null)
        {
            writer.WriteAttributeString("resultType", "DataDrivenDataRow");
        }
        writer.WriteAttributeString("testListId", TrxSchema.ResultsNotInAListId);
        writer.WriteAttributeString("relativeResultsDirectory", row.ExecutionId);

        var message = result is null ? row.NotRunReason : result.ErrorMessage;
        if (result?.StdOut is not null || result?.StdErr is not null || message is not null || result?.StackTrace is not null)
        {
            writer.WriteStartElement("Output", Ns);
            WriteOptional(writer, "StdOut", result?.StdOut);
            WriteOptional(writer, "StdErr", result?.StdErr);
            if (message is not null || result?.StackTrace is not null)
            {
                writer.WriteStartElement("ErrorInfo", Ns);
                WriteOptional(writer, "Message", message);
                WriteOptional(writer, "StackTrace", result?.StackTrace);
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }
        if (row.Inner.Count > 0)
        {
            writer.WriteStartElement("InnerResults", Ns);
            foreach (var inner in row.Inner)
            {
                WriteResult(writer, inner);
            }
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    private static void WriteDefinition(XmlWriter writer, MergedTest test, string firstExecution)
    {
        var definition = test.Attempts.Count > 0 ? test.Attempts[0].Result.Definition : null;
        var (className, methodName) = definition is not null
            ? (definition.ClassName, definition.MethodName)
            : SplitKey(test.Key.FullyQualifiedName);
        var codeBase = definition?.CodeBase ?? definition?.Storage ?? test.Key.Assembly + ".dll";

        writer.WriteStartElement("UnitTest", Ns);
        writer.WriteAttributeString("name", XmlText.Clean(test.DisplayName));
        writer.WriteAttributeString("storage", definition?.Storage ?? codeBase);
        writer.WriteAttributeString("id", test.TestId);
        writer.WriteStartElement("Execution", Ns);
        writer.WriteAttributeString("id", firstExecution);
        writer.WriteEndElement();
        writer.WriteStartElement("TestMethod", Ns);
        writer.WriteAttributeString("codeBase", codeBase);
        writer.WriteAttributeString("adapterTypeName", definition?.AdapterTypeName ?? "executor://orchestrator/not-run");
        writer.WriteAttributeString("className", className);
        writer.WriteAttributeString("name", methodName);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteSummary(XmlWriter writer, LayerResults layer, MergedRun run, List<Row> rows, DateTimeOffset finish)
    {
        var tests = layer.Tests;
        var passed = tests.Count(test => test.Outcome is TestOutcome.Passed or TestOutcome.Flaky);
        var failed = tests.Count(test => test.Outcome is TestOutcome.Failed or TestOutcome.NotRun);
        var skipped = tests.Count(test => test.Outcome is TestOutcome.Skipped);
        var outcome = run.Record.Incomplete ? "Aborted" : failed > 0 ? "Failed" : "Completed";

        writer.WriteStartElement("ResultSummary", Ns);
        writer.WriteAttributeString("outcome", outcome);
        writer.WriteStartElement("Counters", Ns);
        WriteCounter(writer, "total", tests.Count);
        WriteCounter(writer, "executed", tests.Count - skipped - tests.Count(test => test.Outcome == TestOutcome.NotRun));
        WriteCounter(writer, "passed", passed);
        WriteCounter(writer, "failed", failed);
        foreach (var name in (string[])["error", "timeout", "aborted", "inconclusive", "passedButRunAborted", "notRunnable"])
        {
            WriteCounter(writer, name, 0);
        }
        WriteCounter(writer, "notExecuted", skipped);
        foreach (var name in (string[])["disconnected", "warning", "completed", "inProgress", "pending"])
        {
            WriteCounter(writer, name, 0);
        }
        writer.WriteEndElement();

        var notes = new StringBuilder();
        notes.Append(CultureInfo.InvariantCulture, $"Merged by orchestrator from {layer.Units.Count} unit process(es), {rows.Sum(row => Math.Max(1, row.Inner.Count))} result(s) of {tests.Count} test(s); a test that ran more than once keeps every attempt as an inner result.");
        notes.Append(CultureInfo.InvariantCulture, $" Flaky (failed, then passed; counted as passed): {layer.Verdict.PlainFlaky}. Isolation problems (failed only while another unit shared their container, then passed with one of their own; counted as failed): {layer.Verdict.IsolationProblems}. Not run (counted as failed): {layer.Verdict.NotRun}. Quarantined: {layer.Verdict.Quarantined}.");
        if (run.Record.Incomplete)
        {
            notes.Append(" The run is INCOMPLETE: it was cancelled or aborted before every unit ran.");
        }
        writer.WriteStartElement("Output", Ns);
        writer.WriteElementString("StdOut", Ns, notes.ToString());
        writer.WriteEndElement();

        var messages = new List<string>();
        if (run.Record.Incomplete)
        {
            messages.Add("Run incomplete: cancelled or aborted before every unit ran.");
        }
        messages.AddRange(layer.Units.Where(unit => unit.Exit is not (UnitExit.Passed or UnitExit.TestsFailed))
            .Select(unit => $"Unit {unit.UnitId} (repetition {unit.Repetition}, attempt {unit.Attempt}): {unit.Exit}{(unit.ExitDetail is null ? "" : ": " + unit.ExitDetail)}"));
        messages.AddRange(run.Warnings);
        if (messages.Count > 0)
        {
            writer.WriteStartElement("RunInfos", Ns);
            foreach (var message in messages)
            {
                writer.WriteStartElement("RunInfo", Ns);
                writer.WriteAttributeString("computerName", Environment.MachineName);
                writer.WriteAttributeString("outcome", "Error");
                writer.WriteAttributeString("timestamp", Format(finish));
                writer.WriteElementString("Text", Ns, XmlText.Clean(message));
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    private static (DateTimeOffset Start, DateTimeOffset Finish) Span(LayerResults layer, RunRecord record)
    {
        DateTimeOffset? start = null;
        DateTimeOffset? finish = null;
        foreach (var unit in layer.Units)
        {
            start = start is null || unit.StartedAt < start ? unit.StartedAt : start;
            finish = finish is null || unit.FinishedAt > finish ? unit.FinishedAt : finish;
        }
        foreach (var test in layer.Tests)
        {
            foreach (var attempt in test.Attempts)
            {
                if (attempt.Result.StartTime is { } resultStart && (start is null || resultStart < start))
                {
                    start = resultStart;
                }
                if (attempt.Result.EndTime is { } resultEnd && (finish is null || resultEnd > finish))
                {
                    finish = resultEnd;
                }
            }
        }
        return (start ?? record.StartedAt, finish ?? record.FinishedAt);
    }

    private static (string ClassName, string MethodName) SplitKey(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot > 0 ? (name[..dot], name[(dot + 1)..]) : (string.Empty, name);
    }

    private static void WriteCounter(XmlWriter writer, string name, int value) =>
        writer.WriteAttributeString(name, value.ToString(CultureInfo.InvariantCulture));

    private static void WriteTestList(XmlWriter writer, string name, string id)
    {
        writer.WriteStartElement("TestList", Ns);
        writer.WriteAttributeString("name", name);
        writer.WriteAttributeString("id", id);
        writer.WriteEndElement();
    }

    private static void WriteOptional(XmlWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteElementString(name, Ns, XmlText.Clean(value));
        }
    }

    private static string Format(DateTimeOffset time) => time.ToString("o", CultureInfo.InvariantCulture);

    internal static string DerivedId(string seed) => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 16)).ToString();

    private sealed record Row(MergedTest Test, string ExecutionId, UnitRun Unit, TestCaseResult? Result, string? NotRunReason)
    {
        public IReadOnlyList<Row> Inner { get; init; } = [];

        public string? ParentExecutionId { get; init; }
    }
}
