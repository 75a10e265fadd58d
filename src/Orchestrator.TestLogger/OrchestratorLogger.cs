using System.Globalization;
using System.Text.Json;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace Orchestrator.TestLogger;

/// <summary>
/// VSTest logger that writes discovered tests (with traits and categories) or test results as
/// JSON Lines for the orchestrator: <c>--logger:"orchestrator;mode=discover|run;path=/abs/file.jsonl"</c>.
/// Loaded into vstest.console, so it depends on nothing but the test platform's object model.
/// </summary>
[FriendlyName(FriendlyName)]
[ExtensionUri(ExtensionUri)]
public sealed class OrchestratorLogger : ITestLoggerWithParameters, IDisposable
{
    public const string FriendlyName = "orchestrator";
    public const string ExtensionUri = "logger://orchestrator/v1";

    private JsonLinesWriter? _writer;

    public void Initialize(TestLoggerEvents events, string testRunDirectory) =>
        throw new ArgumentException(
            "The orchestrator logger needs parameters: --logger:\"orchestrator;mode=discover;path=/absolute/file.jsonl\".");

    public void Initialize(TestLoggerEvents events, Dictionary<string, string?> parameters)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(parameters);

        var settings = LoggerParameters.Parse(parameters);
        _writer = new JsonLinesWriter(settings.Path);

        if (settings.Mode == LoggerMode.Discover)
        {
            events.DiscoveredTests += OnDiscoveredTests;
            events.DiscoveryComplete += OnDiscoveryComplete;
        }
        else
        {
            WriteRunStarted();
            events.TestResult += OnTestResult;
            events.TestRunComplete += OnTestRunComplete;
        }
    }

    public void Dispose() => _writer?.Dispose();

    private JsonLinesWriter Writer => _writer ?? throw new InvalidOperationException("The orchestrator logger was not initialised.");

    private void OnDiscoveredTests(object? sender, DiscoveredTestsEventArgs e)
    {
        foreach (var testCase in e.DiscoveredTestCases ?? [])
        {
            Writer.Write(json =>
            {
                json.WriteString("kind", "discovered");
                WriteTestCase(json, testCase);
                json.WriteStartArray("categories");
                foreach (var category in TestCaseCategories.Of(testCase))
                {
                    json.WriteStringValue(category);
                }
                json.WriteEndArray();
            });
        }
    }

    private void OnDiscoveryComplete(object? sender, DiscoveryCompleteEventArgs e) =>
        Writer.Write(json =>
        {
            json.WriteString("kind", "discoveryComplete");
            json.WriteNumber("total", e.TotalCount);
            json.WriteBoolean("aborted", e.IsAborted);
        });

    private void WriteRunStarted() =>
        Writer.Write(json =>
        {
            json.WriteString("kind", "runStarted");
            json.WriteString("timestamp", Timestamp(DateTimeOffset.Now));
        });

    private void OnTestResult(object? sender, TestResultEventArgs e)
    {
        var result = e.Result;
        Writer.Write(json =>
        {
            json.WriteString("kind", "result");
            WriteTestCase(json, result.TestCase);
            json.WriteString("outcome", Outcome(result.Outcome));
            json.WriteNumber("durationMs", Math.Round(result.Duration.TotalMilliseconds, 3));
            json.WriteString("startTime", Timestamp(result.StartTime));
            json.WriteString("endTime", Timestamp(result.EndTime));
            json.WriteString("errorMessage", result.ErrorMessage);
            json.WriteString("errorStackTrace", result.ErrorStackTrace);
        });
    }

    private void OnTestRunComplete(object? sender, TestRunCompleteEventArgs e) =>
        Writer.Write(json =>
        {
            json.WriteString("kind", "runComplete");
            json.WriteString("timestamp", Timestamp(DateTimeOffset.Now));
            json.WriteBoolean("aborted", e.IsAborted || e.IsCanceled);
            json.WriteNumber("elapsedMs", Math.Round(e.ElapsedTimeInRunningTests.TotalMilliseconds, 3));
            json.WriteString("error", e.Error?.ToString());
        });

    private static void WriteTestCase(Utf8JsonWriter json, TestCase testCase)
    {
        // The id the TRX logger writes as testId: results are counted by it, never by their display names.
        json.WriteString("id", testCase.Id);
        json.WriteString("fullyQualifiedName", testCase.FullyQualifiedName);
        json.WriteString("displayName", testCase.DisplayName);
        json.WriteString("source", testCase.Source);
        json.WriteStartArray("traits");
        foreach (var trait in testCase.Traits)
        {
            json.WriteStartObject();
            json.WriteString("name", trait.Name);
            json.WriteString("value", trait.Value);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static string Outcome(TestOutcome outcome) => outcome switch
    {
        TestOutcome.Passed => "passed",
        TestOutcome.Failed => "failed",
        TestOutcome.Skipped => "skipped",
        TestOutcome.NotFound => "notFound",
        _ => "none",
    };

    private static string Timestamp(DateTimeOffset value) => value.ToString("o", CultureInfo.InvariantCulture);
}
