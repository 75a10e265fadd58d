using System.Globalization;

namespace Orchestrator.Configuration;

/// <summary>The configuration file is invalid; <see cref="Errors"/> lists every problem found, each with its path and line.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string sourcePath, IReadOnlyList<ConfigurationError> errors)
        : base(Describe(sourcePath, errors))
    {
        SourcePath = sourcePath;
        Errors = errors;
    }

    public ConfigurationException()
        : this("orchestrator.json", [])
    {
    }

    public ConfigurationException(string message)
        : base(message)
    {
        SourcePath = "orchestrator.json";
        Errors = [];
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        SourcePath = "orchestrator.json";
        Errors = [];
    }

    /// <summary>The file the errors are in.</summary>
    public string SourcePath { get; }

    public IReadOnlyList<ConfigurationError> Errors { get; }

    private static string Describe(string sourcePath, IReadOnlyList<ConfigurationError> errors)
    {
        var count = errors.Count.ToString(CultureInfo.InvariantCulture);
        var header = $"{sourcePath} is invalid ({count} {(errors.Count == 1 ? "error" : "errors")}); nothing was started:";
        return string.Join(Environment.NewLine, errors.Select(error => "  " + error).Prepend(header));
    }
}
