using System.Collections.Immutable;
using Orchestrator.Repository;

namespace Orchestrator.Building;

/// <summary>
/// Where a repository (or the build's environment or properties) already sets the two MSBuild
/// properties through which targets can be added to every project from the command line:
/// <c>CustomAfterMicrosoftCommonTargets</c> and <c>CustomBeforeMicrosoftCommonTargets</c>. A global
/// property given on the command line would silently replace such a setting.
/// </summary>
internal sealed record TargetsHookUsage(ImmutableArray<string> SetsAfter, ImmutableArray<string> SetsBefore)
{
    public const string After = "CustomAfterMicrosoftCommonTargets";
    public const string Before = "CustomBeforeMicrosoftCommonTargets";

    private static readonly ImmutableArray<string> _msbuildExtensions = [".props", ".targets", ".csproj", ".fsproj", ".vbproj", ".proj", ".rsp"];

    // MSBuild imports the nearest of these above a project, beyond the repository too.
    private static readonly ImmutableArray<string> _directoryFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Build.rsp"];

    public static TargetsHookUsage None { get; } = new([], []);

    /// <summary>
    /// Reads the MSBuild files under <paramref name="directories"/> (and the Directory.Build.* files
    /// above them, which MSBuild also imports), the <paramref name="environment"/> (environment variables
    /// are MSBuild properties) and the configured <paramref name="properties"/>.
    /// </summary>
    public static TargetsHookUsage Find(
        IEnumerable<string> directories,
        IReadOnlyDictionary<string, string> properties,
        Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(environment);
        var after = ImmutableArray.CreateBuilder<string>();
        var before = ImmutableArray.CreateBuilder<string>();
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var directory in directories.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            files.UnionWith(RepositoryFiles.Find(directory, IsMSBuildFile));
            for (var parent = Directory.GetParent(directory); parent is not null; parent = parent.Parent)
            {
                files.UnionWith(_directoryFiles
                    .Select(name => Path.Combine(parent.FullName, name))
                    .Where(File.Exists));
            }
        }
        foreach (var file in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            if (Sets(text, After))
            {
                after.Add(file);
            }
            if (Sets(text, Before))
            {
                before.Add(file);
            }
        }
        foreach (var (property, found) in new[] { (After, after), (Before, before) })
        {
            if (!string.IsNullOrEmpty(environment(property)))
            {
                found.Add($"the environment variable {property}");
            }
            if (properties.ContainsKey(property))
            {
                found.Add($"build.properties.{property}");
            }
        }
        return new TargetsHookUsage(after.ToImmutable(), before.ToImmutable());
    }

    private static bool IsMSBuildFile(string fileName) =>
        _msbuildExtensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);

    // An element that assigns the property, or a command-line style assignment in a response file;
    // reading it ($(CustomAfterMicrosoftCommonTargets)) is not setting it.
    private static bool Sets(string text, string property) =>
        text.Contains("<" + property, StringComparison.OrdinalIgnoreCase)
        || text.Contains(property + "=", StringComparison.OrdinalIgnoreCase);
}
