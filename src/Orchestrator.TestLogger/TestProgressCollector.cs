using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollection;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollector.InProcDataCollector;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.InProcDataCollector;

namespace Orchestrator.TestLogger;

/// <summary>
/// Runs inside the test host (an in-process data collector, so no extra process) and writes when each test case
/// starts and ends, as JSON Lines, to <c>{directory}/progress.{pid}.jsonl</c>: one file per test host, since a
/// unit over several assemblies runs several hosts at once. The orchestrator follows the files to name the test
/// that hangs (its own watchdog, instead of the blame collector's extra process) or was running when a host crashed.
/// Configured in the run settings:
/// <c>&lt;InProcDataCollector … &gt;&lt;Configuration&gt;&lt;Directory&gt;/abs/dir&lt;/Directory&gt;&lt;/Configuration&gt;</c>.
/// </summary>
public sealed class TestProgressCollector : InProcDataCollection, IDisposable
{
    private const string FilePrefix = "progress.";

    private JsonLinesWriter? _writer;

    public void Initialize(IDataCollectionSink dataCollectionSink)
    {
        // Nothing is sent through the sink: the orchestrator reads the progress file while the host runs.
    }

    public void TestSessionStart(TestSessionStartArgs testSessionStartArgs)
    {
        ArgumentNullException.ThrowIfNull(testSessionStartArgs);
        var directory = DirectoryOf(testSessionStartArgs.Configuration);
        if (directory is null)
        {
            return;
        }
        _writer = new JsonLinesWriter(Path.Combine(directory, $"{FilePrefix}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.jsonl"));
        _writer.Write(json =>
        {
            json.WriteString("kind", "hostStarted");
            json.WriteNumber("pid", Environment.ProcessId);
            json.WriteString("timestamp", Now());
        });
    }

    public void TestCaseStart(TestCaseStartArgs testCaseStartArgs)
    {
        ArgumentNullException.ThrowIfNull(testCaseStartArgs);
        if (testCaseStartArgs.TestCase is { } testCase)
        {
            Write("testStarted", testCase, outcome: null);
        }
    }

    public void TestCaseEnd(TestCaseEndArgs testCaseEndArgs)
    {
        ArgumentNullException.ThrowIfNull(testCaseEndArgs);
        if (testCaseEndArgs.DataCollectionContext?.TestCase is { } testCase)
        {
            Write("testEnded", testCase, testCaseEndArgs.TestOutcome);
        }
    }

    public void TestSessionEnd(TestSessionEndArgs testSessionEndArgs)
    {
        _writer?.Write(json =>
        {
            json.WriteString("kind", "hostEnded");
            json.WriteString("timestamp", Now());
        });
        Dispose();
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _writer = null;
    }

    private void Write(string kind, TestCase testCase, TestOutcome? outcome) =>
        _writer?.Write(json =>
        {
            json.WriteString("kind", kind);
            json.WriteString("id", testCase.Id);
            json.WriteString("fullyQualifiedName", testCase.FullyQualifiedName);
            json.WriteString("displayName", testCase.DisplayName);
            json.WriteString("source", testCase.Source);
            if (outcome is { } ended)
            {
                json.WriteString("outcome", ended.ToString());
            }
            json.WriteString("timestamp", Now());
        });

    private static string? DirectoryOf(string? configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration))
        {
            return null;
        }
        try
        {
            var root = XElement.Parse(configuration);
            var directory = (root.Name.LocalName == "Directory" ? root : root.Descendants("Directory").FirstOrDefault())?.Value.Trim();
            return string.IsNullOrEmpty(directory) ? null : directory;
        }
        catch (System.Xml.XmlException exception)
        {
            Trace.TraceWarning($"Orchestrator progress collector: unreadable configuration ({exception.Message}); no progress is written.");
            return null;
        }
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture);
}
