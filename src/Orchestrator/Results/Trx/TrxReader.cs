using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Orchestrator.Model;

namespace Orchestrator.Results.Trx;

/// <summary>
/// Reads a VSTest TRX file (as written by <c>dotnet test --logger trx</c> for xunit, NUnit and MSTest)
/// into results keyed like the plan: assembly = code base file name without extension, name =
/// <c>TestMethod/@className + "." + TestMethod/@name</c> (data rows of a theory share the key).
/// Streams the file, so large runs are read without building a whole document.
/// </summary>
public static class TrxReader
{
    private static readonly XNamespace _ns = TrxSchema.Namespace;

    /// <exception cref="TrxFormatException">The file is not a readable TRX file.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static TrxRun Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"TRX file '{path}' does not exist: was the unit's results directory cleaned, or did the test process never start?", path);
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Read(stream, path);
    }

    /// <summary>Reads TRX content from <paramref name="stream"/>; <paramref name="path"/> names it in results and errors.</summary>
    /// <exception cref="TrxFormatException">The content is not a readable TRX file.</exception>
    public static TrxRun Read(Stream stream, string path)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            return ReadCore(stream, path);
        }
        catch (XmlException exception)
        {
            throw new TrxFormatException(path, $"invalid XML at line {exception.LineNumber}: {exception.Message} The test process may have been killed while writing it.", exception);
        }
        catch (FormatException exception)
        {
            throw new TrxFormatException(path, exception.Message, exception);
        }
    }

    private static TrxRun ReadCore(Stream stream, string path)
    {
        var settings = new XmlReaderSettings { IgnoreComments = true, IgnoreWhitespace = false, DtdProcessing = DtdProcessing.Prohibit };
        using var reader = XmlReader.Create(stream, settings);

        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "TestRun")
        {
            throw new TrxFormatException(path, $"the root element is <{reader.LocalName}>, expected <TestRun> of {TrxSchema.NamespaceUri}.");
        }

        var results = new List<XElement>();
        var definitions = new Dictionary<string, TrxTestDefinition>(StringComparer.OrdinalIgnoreCase);
        DateTimeOffset? start = null;
        DateTimeOffset? finish = null;
        string? outcome = null;
        string? runOutput = null;
        var runMessages = new List<string>();

        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }
            switch (reader.LocalName)
            {
                case "Times" when reader.Depth == 1:
                    start = ParseTime(reader.GetAttribute("start"));
                    finish = ParseTime(reader.GetAttribute("finish"));
                    reader.Read();
                    break;
                case "UnitTestResult" when reader.Depth == 2:
                    results.Add((XElement)XNode.ReadFrom(reader));
                    break;
                case "UnitTest" when reader.Depth == 2:
                    var definition = (XElement)XNode.ReadFrom(reader);
                    var id = definition.Attribute("id")?.Value;
                    if (id is not null)
                    {
                        definitions[id] = ReadDefinition(definition);
                    }
                    break;
                case "ResultSummary" when reader.Depth == 1:
                    var summary = (XElement)XNode.ReadFrom(reader);
                    outcome = summary.Attribute("outcome")?.Value;
                    runOutput = summary.Element(_ns + "Output")?.Element(_ns + "StdOut")?.Value;
                    runMessages.AddRange(summary.Element(_ns + "RunInfos")?.Elements(_ns + "RunInfo")
                        .Select(info => info.Element(_ns + "Text")?.Value)
                        .OfType<string>() ?? []);
                    break;
                default:
                    reader.Read();
                    break;
            }
        }

        var joined = new List<TrxTestResult>(results.Count);
        foreach (var result in results)
        {
            joined.Add(ReadResult(result, definitions, path));
        }
        return new TrxRun(path, start, finish, outcome, joined, runOutput, runMessages);
    }

    private static TrxTestDefinition ReadDefinition(XElement unitTest)
    {
        var method = unitTest.Element(_ns + "TestMethod");
        var name = unitTest.Attribute("name")?.Value ?? string.Empty;
        var className = method?.Attribute("className")?.Value;
        var methodName = method?.Attribute("name")?.Value;
        if (string.IsNullOrEmpty(className) || string.IsNullOrEmpty(methodName))
        {
            (className, methodName) = SplitName(name);
        }
        return new TrxTestDefinition(
            name,
            unitTest.Attribute("storage")?.Value,
            method?.Attribute("codeBase")?.Value,
            method?.Attribute("adapterTypeName")?.Value,
            className,
            methodName);
    }

    private static TrxTestResult ReadResult(XElement result, Dictionary<string, TrxTestDefinition> definitions, string path)
    {
        var testId = result.Attribute("testId")?.Value ?? string.Empty;
        var testName = result.Attribute("testName")?.Value ?? string.Empty;
        if (!definitions.TryGetValue(testId, out var definition))
        {
            // A result without a definition still counts: derive what the name allows.
            var (className, methodName) = SplitName(testName);
            definition = new TrxTestDefinition(testName, null, null, null, className, methodName);
        }

        var output = result.Element(_ns + "Output");
        var error = output?.Element(_ns + "ErrorInfo");
        var outcomeText = result.Attribute("outcome")?.Value;
        var outcome = ParseOutcome(outcomeText, path, testName);

        return new TrxTestResult(
            new TestKey(AssemblyName(definition), definition.ClassName + "." + StripParameters(definition.MethodName)),
            testName.Length > 0 ? testName : definition.Name,
            outcome,
            ParseDuration(result.Attribute("duration")?.Value),
            ParseTime(result.Attribute("startTime")?.Value),
            ParseTime(result.Attribute("endTime")?.Value),
            NullIfEmpty(error?.Element(_ns + "Message")?.Value),
            NullIfEmpty(error?.Element(_ns + "StackTrace")?.Value),
            NullIfEmpty(output?.Element(_ns + "StdOut")?.Value),
            NullIfEmpty(output?.Element(_ns + "StdErr")?.Value),
            result.Attribute("computerName")?.Value,
            result.Attribute("executionId")?.Value ?? string.Empty,
            testId,
            definition);
    }

    /// <summary>The code base keeps the file name's case; the storage attribute is lower-cased by the logger.</summary>
    private static string AssemblyName(TrxTestDefinition definition)
    {
        var location = !string.IsNullOrEmpty(definition.CodeBase) ? definition.CodeBase : definition.Storage;
        if (string.IsNullOrEmpty(location))
        {
            return string.Empty;
        }
        var fileName = location.Replace('\\', '/');
        fileName = fileName[(fileName.LastIndexOf('/') + 1)..];
        return fileName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".exe", StringComparison.OrdinalIgnoreCase)
            ? fileName[..^4]
            : fileName;
    }

    /// <summary>Some adapters write the parameter signature into the method name (<c>M(System.Int32)</c>); rows share the method's key.</summary>
    private static string StripParameters(string methodName)
    {
        var parenthesis = methodName.IndexOf('(', StringComparison.Ordinal);
        return parenthesis > 0 ? methodName[..parenthesis] : methodName;
    }

    private static (string ClassName, string MethodName) SplitName(string name)
    {
        var withoutParameters = StripParameters(name);
        var dot = withoutParameters.LastIndexOf('.');
        return dot > 0 ? (withoutParameters[..dot], withoutParameters[(dot + 1)..]) : (string.Empty, withoutParameters);
    }

    private static TrxOutcome ParseOutcome(string? text, string path, string testName)
    {
        if (string.IsNullOrEmpty(text))
        {
            return TrxOutcome.Error;
        }
        return Enum.TryParse<TrxOutcome>(text, ignoreCase: true, out var outcome) && Enum.IsDefined(outcome)
            ? outcome
            : throw new TrxFormatException(path, $"test '{testName}' has unknown outcome '{text}'.");
    }

    private static TimeSpan ParseDuration(string? text) =>
        text is not null && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var duration) ? duration : TimeSpan.Zero;

    private static DateTimeOffset? ParseTime(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? time : null;

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
