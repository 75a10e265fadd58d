using System.Globalization;
using System.Text;
using System.Xml;
using Orchestrator.Model;

namespace Orchestrator.Results.Trx;

/// <summary>
/// Reads a VSTest TRX file (as written by <c>dotnet test --logger trx</c> for xunit, NUnit and MSTest)
/// into results keyed like the plan: assembly = code base file name without extension, name =
/// <c>TestMethod/@className + "." + TestMethod/@name</c> (data rows of a theory share the key).
/// Streams the file with an <see cref="XmlReader"/>: no document or element tree is built for results and definitions, and
/// no text is held beyond <see cref="TextLimit"/> characters.
/// </summary>
internal static class TrxReader
{
    /// <summary>How many characters of one text (a test's output, message or stack trace) a result keeps.</summary>
    public const int TextLimit = 64 * 1024;

    private const int ChunkSize = 8 * 1024;
    private const string UnitsDirectoryHint = "units/";

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

        var results = new List<TrxResultElement>();
        var definitions = new Dictionary<string, KeyedDefinition>(StringComparer.OrdinalIgnoreCase);
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
                    results.Add(ReadResultElement(reader));
                    break;
                case "UnitTest" when reader.Depth == 2:
                    var id = reader.GetAttribute("id");
                    var definition = ReadDefinition(reader);
                    if (id is not null)
                    {
                        definitions[id] = new KeyedDefinition(definition, KeyOf(definition));
                    }
                    break;
                case "ResultSummary" when reader.Depth == 1:
                    outcome = reader.GetAttribute("outcome");
                    runOutput = ReadSummary(reader, runMessages);
                    break;
                default:
                    reader.Read();
                    break;
            }
        }

        var joined = new List<TestCaseResult>(results.Count);
        foreach (var result in results)
        {
            joined.Add(ReadResult(result, definitions, path));
        }
        return new TrxRun(path, start, finish, outcome, joined, runOutput, runMessages);
    }

    /// <summary>Reads a <c>UnitTest</c> element and moves past it; the first <c>TestMethod</c> child names the method.</summary>
    private static TrxTestDefinition ReadDefinition(XmlReader reader)
    {
        var name = reader.GetAttribute("name") ?? string.Empty;
        var storage = reader.GetAttribute("storage");
        string? codeBase = null;
        string? adapterTypeName = null;
        string? className = null;
        string? methodName = null;
        var methodSeen = false;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            reader.Read();
            while (reader.Depth > depth)
            {
                if (!methodSeen && IsChild(reader, depth, "TestMethod"))
                {
                    methodSeen = true;
                    codeBase = reader.GetAttribute("codeBase");
                    adapterTypeName = reader.GetAttribute("adapterTypeName");
                    className = reader.GetAttribute("className");
                    methodName = reader.GetAttribute("name");
                }
                SkipNode(reader);
            }
        }
        reader.Read();
        if (string.IsNullOrEmpty(className) || string.IsNullOrEmpty(methodName))
        {
            (className, methodName) = SplitName(name);
        }
        return new TrxTestDefinition(name, storage, codeBase, adapterTypeName, className, methodName);
    }

    /// <summary>
    /// Reads a <c>UnitTestResult</c> element and moves past it. Only its own first <c>Output</c> counts (never that of
    /// <c>InnerResults</c>), and of that the first <c>StdOut</c>, <c>StdErr</c> and <c>ErrorInfo</c>.
    /// </summary>
    private static TrxResultElement ReadResultElement(XmlReader reader)
    {
        var testId = reader.GetAttribute("testId");
        var testName = reader.GetAttribute("testName");
        var outcome = reader.GetAttribute("outcome");
        var duration = reader.GetAttribute("duration");
        var startTime = reader.GetAttribute("startTime");
        var endTime = reader.GetAttribute("endTime");
        var computerName = reader.GetAttribute("computerName");
        var executionId = reader.GetAttribute("executionId");
        string? message = null;
        string? stackTrace = null;
        string? stdOut = null;
        string? stdErr = null;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            var outputSeen = false;
            reader.Read();
            while (reader.Depth > depth)
            {
                if (!outputSeen && IsChild(reader, depth, "Output"))
                {
                    outputSeen = true;
                    (message, stackTrace, stdOut, stdErr) = ReadOutput(reader);
                    continue;
                }
                SkipNode(reader);
            }
        }
        reader.Read();
        return new TrxResultElement(testId, testName, outcome, duration, startTime, endTime, computerName, executionId, message, stackTrace, stdOut, stdErr);
    }

    private static (string? Message, string? StackTrace, string? StdOut, string? StdErr) ReadOutput(XmlReader reader)
    {
        string? message = null;
        string? stackTrace = null;
        string? stdOut = null;
        string? stdErr = null;
        var errorInfoSeen = false;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            reader.Read();
            while (reader.Depth > depth)
            {
                if (stdOut is null && IsChild(reader, depth, "StdOut"))
                {
                    stdOut = ReadText(reader);
                }
                else if (stdErr is null && IsChild(reader, depth, "StdErr"))
                {
                    stdErr = ReadText(reader);
                }
                else if (!errorInfoSeen && IsChild(reader, depth, "ErrorInfo"))
                {
                    errorInfoSeen = true;
                    (message, stackTrace) = ReadErrorInfo(reader);
                }
                else
                {
                    SkipNode(reader);
                }
            }
        }
        reader.Read();
        return (message, stackTrace, stdOut, stdErr);
    }

    private static (string? Message, string? StackTrace) ReadErrorInfo(XmlReader reader)
    {
        string? message = null;
        string? stackTrace = null;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            reader.Read();
            while (reader.Depth > depth)
            {
                if (message is null && IsChild(reader, depth, "Message"))
                {
                    message = ReadText(reader);
                }
                else if (stackTrace is null && IsChild(reader, depth, "StackTrace"))
                {
                    stackTrace = ReadText(reader);
                }
                else
                {
                    SkipNode(reader);
                }
            }
        }
        reader.Read();
        return (message, stackTrace);
    }

    /// <summary>
    /// Reads a <c>ResultSummary</c> element and moves past it: returns the first <c>Output/StdOut</c> and adds the
    /// <c>Text</c> of every <c>RunInfos/RunInfo</c> to <paramref name="messages"/>.
    /// </summary>
    private static string? ReadSummary(XmlReader reader, List<string> messages)
    {
        string? output = null;
        var outputSeen = false;
        var infosSeen = false;
        ForEachChild(reader, depth =>
        {
            if (!outputSeen && IsChild(reader, depth, "Output"))
            {
                outputSeen = true;
                ForEachChild(reader, outputDepth =>
                {
                    if (output is null && IsChild(reader, outputDepth, "StdOut"))
                    {
                        output = ReadText(reader);
                        return true;
                    }
                    return false;
                });
                return true;
            }
            if (!infosSeen && IsChild(reader, depth, "RunInfos"))
            {
                infosSeen = true;
                ForEachChild(reader, infosDepth => IsChild(reader, infosDepth, "RunInfo") && ReadRunInfo(reader, messages));
                return true;
            }
            return false;
        });
        return output;
    }

    private static bool ReadRunInfo(XmlReader reader, List<string> messages)
    {
        string? text = null;
        ForEachChild(reader, depth =>
        {
            if (text is null && IsChild(reader, depth, "Text"))
            {
                text = ReadText(reader);
                return true;
            }
            return false;
        });
        if (text is not null)
        {
            messages.Add(text);
        }
        return true;
    }

    /// <summary>
    /// Visits each child node of the element the reader is on and moves past the element: <paramref name="read"/> returns
    /// true when it read the node and moved past it, false to have it skipped.
    /// </summary>
    private static void ForEachChild(XmlReader reader, Func<int, bool> read)
    {
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            reader.Read();
            while (reader.Depth > depth)
            {
                if (!read(depth))
                {
                    SkipNode(reader);
                }
            }
        }
        reader.Read();
    }

    /// <summary>True when the reader is on the start of a TRX-namespace child element named <paramref name="localName"/> of the element at <paramref name="parentDepth"/>.</summary>
    private static bool IsChild(XmlReader reader, int parentDepth, string localName) =>
        reader.NodeType == XmlNodeType.Element && reader.Depth == parentDepth + 1
        && reader.LocalName == localName && reader.NamespaceURI == TrxSchema.NamespaceUri;

    /// <summary>Moves past the current node: past a whole element, including its content.</summary>
    private static void SkipNode(XmlReader reader)
    {
        if (reader.NodeType == XmlNodeType.Element)
        {
            reader.Skip();
        }
        else
        {
            reader.Read();
        }
    }

    /// <summary>
    /// The element's text as LINQ to XML gives it (every text, CDATA and whitespace node inside it, nested ones included), then
    /// moves past it. Only the first <see cref="TextLimit"/> characters are kept: a test may print hundreds of megabytes, which
    /// are read in chunks and counted, and the text ends with a note that says where the whole of it is.
    /// </summary>
    private static string ReadText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }
        var depth = reader.Depth;
        var text = new StringBuilder();
        long omitted = 0;
        char[]? chunk = null;
        void Append(ReadOnlySpan<char> value)
        {
            var kept = Math.Min(value.Length, TextLimit - text.Length);
            text.Append(value[..kept]);
            omitted += value.Length - kept;
        }
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                if (reader.CanReadValueChunk)
                {
                    chunk ??= new char[ChunkSize];
                    int read;
                    while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        Append(chunk.AsSpan(0, read));
                    }
                }
                else
                {
                    Append(reader.Value);
                }
            }
            reader.Read();
        }
        reader.Read();
        if (omitted > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}[{omitted:N0} more characters left out here: the unit's TRX file under {UnitsDirectoryHint} in the results directory holds all of them]");
        }
        return text.ToString();
    }

    private static TestCaseResult ReadResult(TrxResultElement result, Dictionary<string, KeyedDefinition> definitions, string path)
    {
        var testId = result.TestId ?? string.Empty;
        var testName = result.TestName ?? string.Empty;
        if (!definitions.TryGetValue(testId, out var keyed))
        {
            // A result without a definition still counts: derive what the name allows.
            var (className, methodName) = SplitName(testName);
            var derived = new TrxTestDefinition(testName, null, null, null, className, methodName);
            keyed = new KeyedDefinition(derived, KeyOf(derived));
        }
        var definition = keyed.Definition;
        var outcome = ParseOutcome(result.Outcome, path, testName);

        return new TestCaseResult(
            keyed.Key,
            testName.Length > 0 ? testName : definition.Name,
            outcome,
            ParseDuration(result.Duration),
            ParseTime(result.StartTime),
            ParseTime(result.EndTime),
            NullIfEmpty(result.ErrorMessage),
            NullIfEmpty(result.StackTrace),
            NullIfEmpty(result.StdOut),
            NullIfEmpty(result.StdErr),
            result.ComputerName,
            result.ExecutionId ?? string.Empty,
            testId,
            definition);
    }

    /// <summary>The key a result of <paramref name="definition"/> gets: its code base's assembly and its method without parameters.</summary>
    internal static TestKey KeyOf(TrxTestDefinition definition) =>
        new(AssemblyName(definition), definition.ClassName + "." + StripParameters(definition.MethodName));

    /// <summary>The code base keeps the file name's case; the storage attribute is lower-cased by the logger.</summary>
    private static string AssemblyName(TrxTestDefinition definition)
    {
        var location = !string.IsNullOrEmpty(definition.CodeBase) ? definition.CodeBase : definition.Storage;
        if (string.IsNullOrEmpty(location))
        {
            return string.Empty;
        }
        var fileName = location.AsSpan(location.AsSpan().LastIndexOfAny('/', '\\') + 1);
        return fileName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".exe", StringComparison.OrdinalIgnoreCase)
            ? fileName[..^4].ToString()
            : fileName.ToString();
    }

    /// <summary>Some adapters write the parameter signature into the method name (<c>M(System.Int32)</c>); rows share the method's key.</summary>
    private static string StripParameters(string methodName)
    {
        var parenthesis = methodName.IndexOf('(', StringComparison.Ordinal);
        return parenthesis > 0 ? methodName[..parenthesis] : methodName;
    }

    /// <summary>Class and method of a name written <c>Ns.Class.Method(arguments)</c>; the arguments are dropped.</summary>
    internal static (string ClassName, string MethodName) SplitName(string name)
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

    /// <summary>VSTest writes round-trip ("o") times, which have a much faster exact parser; anything else is parsed leniently.</summary>
    private static DateTimeOffset? ParseTime(string? text) =>
        text is not null
        && (DateTimeOffset.TryParseExact(text, "o", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out time))
            ? time
            : null;

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>A definition with the key its results get, worked out once per definition.</summary>
    private readonly record struct KeyedDefinition(TrxTestDefinition Definition, TestKey Key);
}
