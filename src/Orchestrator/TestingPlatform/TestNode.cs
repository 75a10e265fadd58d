using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Orchestrator.Discovery;
using Orchestrator.Execution;
using Orchestrator.Model;

namespace Orchestrator.TestingPlatform;

/// <summary>
/// One test node as a Microsoft.Testing.Platform application reports it in server mode
/// (<c>testing/testUpdates/tests</c>): the case's uid, names, location, traits and, once run, its state and result.
/// </summary>
/// <param name="Uid">The platform's id of the case; a run selects cases by it.</param>
/// <param name="DisplayName">What the framework shows for the case, arguments included.</param>
/// <param name="NodeType"><c>action</c> for a test case, <c>group</c> for a class or namespace.</param>
/// <param name="State"><c>discovered</c>, <c>in-progress</c>, <c>passed</c>, <c>failed</c>, <c>skipped</c>, <c>timed-out</c>, <c>error</c>, <c>cancelled</c>.</param>
/// <param name="TypeName">The test's class, namespace included (<c>location.type</c>); null when the framework does not say.</param>
/// <param name="MethodName">The test method with its parameter types (<c>location.method</c>): <c>Quoted(System.String)</c>.</param>
/// <param name="Traits">Key/value traits; a category arrives as a key with an empty value.</param>
internal sealed record TestNode(
    string Uid,
    string DisplayName,
    string NodeType,
    string State,
    string? TypeName,
    string? MethodName,
    IReadOnlyList<TestTrait> Traits)
{
    public TimeSpan Duration { get; init; }

    public string? ErrorMessage { get; init; }

    public string? StackTrace { get; init; }

    /// <summary>True for a test case (not a class or namespace group).</summary>
    public bool IsCase => NodeType == "action";

    /// <summary>True once the case has a result: any state but discovered and in-progress.</summary>
    public bool IsFinished => State is not ("discovered" or "in-progress");

    /// <summary>
    /// The name the orchestrator plans by: class and method without the argument list, so every case of a
    /// parameterised test shares one name (as xunit and MSTest report it under VSTest). Falls back to the uid
    /// when the framework gives no location.
    /// </summary>
    public string FullyQualifiedName
    {
        get
        {
            if (string.IsNullOrEmpty(TypeName) || string.IsNullOrEmpty(MethodName))
            {
                return Uid;
            }
            var arguments = MethodName.IndexOf('(', StringComparison.Ordinal);
            return TypeName + "." + (arguments < 0 ? MethodName : MethodName[..arguments]);
        }
    }

    /// <summary>Reads a <c>node</c> object of a test update.</summary>
    /// <exception cref="InvalidDataException">The node has no uid.</exception>
    public static TestNode Parse(JsonElement node)
    {
        var uid = String(node, "uid") ?? throw new InvalidDataException($"A test node without a uid: {node.GetRawText()}");
        var traits = new List<TestTrait>();
        if (node.TryGetProperty("traits", out var traitArray) && traitArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var trait in traitArray.EnumerateArray())
            {
                // The wire format is an array of one-property objects: [{ "Resource": "postgres" }, { "Integration": "" }].
                foreach (var property in trait.EnumerateObject())
                {
                    traits.Add(new TestTrait(property.Name, property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() ?? "" : ""));
                }
            }
        }
        var durationMs = node.TryGetProperty("time.duration-ms", out var duration) && duration.ValueKind == JsonValueKind.Number ? duration.GetDouble() : 0;
        return new TestNode(
            uid,
            String(node, "display-name") ?? uid,
            String(node, "node-type") ?? "action",
            String(node, "execution-state") ?? "discovered",
            String(node, "location.type"),
            String(node, "location.method"),
            traits)
        {
            Duration = TimeSpan.FromMilliseconds(durationMs),
            ErrorMessage = String(node, "error.message"),
            StackTrace = String(node, "error.stacktrace"),
        };
    }

    /// <summary>The case as discovery reports it; traits with an empty value are the framework's categories.</summary>
    public DiscoveredCase ToCase(string source) => new(
        FullyQualifiedName,
        DisplayName,
        source,
        [.. Traits.Where(trait => trait.Value.Length > 0)],
        [.. Traits.Where(trait => trait.Value.Length == 0).Select(trait => trait.Name)])
    {
        Id = Uid,
    };

    /// <summary>The case's result, as the logger streams VSTest results.</summary>
    public LiveTestResult ToResult(string source) => new(
        FullyQualifiedName,
        DisplayName,
        source,
        State switch
        {
            "passed" => TestResultOutcome.Passed,
            "skipped" => TestResultOutcome.Skipped,
            "failed" or "timed-out" or "error" => TestResultOutcome.Failed,
            _ => TestResultOutcome.None,
        },
        Duration,
        ResultMessage())
    {
        Id = IdOf(Uid),
        StackTrace = StackTrace,
    };

    /// <summary>A stable GUID for a uid (uids are free-form strings), so every attempt of a case has the same test id.</summary>
    public static Guid IdOf(string uid) => new(SHA256.HashData(Encoding.UTF8.GetBytes(uid)).AsSpan(0, 16));

    private string? ResultMessage()
    {
        return State switch
        {
            "timed-out" => Join("The test timed out.", ErrorMessage),
            "cancelled" => Join("The test was cancelled.", ErrorMessage),
            _ => ErrorMessage,
        };
    }

    private static string? Join(string? first, string? second) =>
        string.IsNullOrEmpty(first) ? second : string.IsNullOrEmpty(second) ? first : first + Environment.NewLine + second;

    private static string? String(JsonElement node, string name) =>
        node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Uid} ({State})");
}
