using System.Collections.Immutable;
using Orchestrator.Configuration;

namespace Orchestrator.Building;

/// <summary>
/// The one <c>dotnet build</c> of a repository: its solution, configuration and extra properties,
/// plus the global properties that import the manifest targets shipped with the tool into every
/// project and send the manifests where discovery reads them. Pure: composes arguments only.
/// </summary>
internal sealed record BuildInvocation(string WorkingDirectory, string Target, ImmutableArray<string> Arguments)
{
    public static BuildInvocation For(
        BuildSettings settings,
        string target,
        string workingDirectory,
        string manifestDirectory,
        ManifestTargets targets,
        ManifestInjection injection)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(target);
        ArgumentException.ThrowIfNullOrEmpty(workingDirectory);
        ArgumentException.ThrowIfNullOrEmpty(manifestDirectory);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(injection);
        var arguments = ImmutableArray.CreateBuilder<string>();
        arguments.AddRange("build", target, "-c", settings.Configuration, "-nologo");
        foreach (var (name, value) in settings.Properties.OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase))
        {
            arguments.Add(Property(name, value));
        }
        arguments.Add(Property(injection.Property, targets.TargetsPath));
        arguments.Add(Property("OrchestratorTasksAssembly", targets.TaskAssemblyPath));
        arguments.Add(Property("OrchestratorManifestDirectory", Path.TrimEndingDirectorySeparator(Path.GetFullPath(manifestDirectory)) + "/"));
        return new BuildInvocation(workingDirectory, target, arguments.ToImmutable());
    }

    /// <summary>The command line as a shell would take it, for the log.</summary>
    public string CommandLine => "dotnet " + string.Join(' ', Arguments.Select(Quote));

    /// <summary>
    /// <c>-p:Name=Value</c> with the value escaped the MSBuild way: on the command line ';' and ','
    /// separate properties, so they (and '%', and quotes) are written as %XX, which MSBuild unescapes.
    /// </summary>
    public static string Property(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        return $"-p:{name}={Escape(value)}";
    }

    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace(";", "%3B", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal)
            .Replace("\"", "%22", StringComparison.Ordinal);
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=%+@".Contains(c, StringComparison.Ordinal))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
