using System.Text.RegularExpressions;

namespace Orchestrator.Reporting;

/// <summary>
/// The <c>type</c> of a JUnit failure: the exception type the framework's message starts with
/// (<c>System.InvalidOperationException : …</c>, <c>Xunit.Sdk.EqualException: …</c>), else the kind of failure
/// the message shows (an assertion), else a plain test failure.
/// </summary>
internal static partial class FailureType
{
    public const string Assertion = "AssertionFailure";
    public const string Unknown = "TestFailure";

    public static string Of(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return Unknown;
        }
        var match = LeadingExceptionType().Match(message);
        if (match.Success)
        {
            return match.Groups["type"].Value;
        }
        return message.TrimStart().StartsWith("Assert", StringComparison.Ordinal) || message.Contains("Expected", StringComparison.Ordinal)
            ? Assertion
            : Unknown;
    }

    [GeneratedRegex(@"^\s*(?<type>[A-Za-z_][\w`]*(?:\.[A-Za-z_][\w`+]*)*(?:Exception|Error))\s*:", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeadingExceptionType();
}
