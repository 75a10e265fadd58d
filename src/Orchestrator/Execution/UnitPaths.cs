using Orchestrator.Coverage;

namespace Orchestrator.Execution;

/// <summary>Where one unit process keeps its files: its own results directory with TRX, log, live results and settings.</summary>
internal sealed record UnitPaths(string Directory, string TrxFileName)
{
    public string TrxPath => Path.Combine(Directory, TrxFileName);

    public string LogPath => Path.Combine(Directory, "output.log");

    public string LiveResultsPath => Path.Combine(Directory, "live.jsonl");

    public string RunSettingsPath => Path.Combine(Directory, "unit.runsettings");

    /// <summary>
    /// The coverage files (coverlet's JSON) the unit's collectors left in its directory, in a stable order; not the copies
    /// VSTest's TRX logger keeps of every attachment under its <c>In</c> directory, which would count every hit twice.
    /// </summary>
    public IReadOnlyList<string> CoverageFiles() =>
        System.IO.Directory.Exists(Directory)
            ? [.. System.IO.Directory.EnumerateFiles(Directory, CoverletFiles.JsonFilePattern, SearchOption.AllDirectories)
                .Where(file => !Path.GetRelativePath(Directory, file).Split(Path.DirectorySeparatorChar).Contains("In", StringComparer.Ordinal))
                .Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Paths for one attempt of one repetition of a unit, under the run's results directory.</summary>
    public static UnitPaths For(string resultsDirectory, string unitId, int repetition, int attempt)
    {
        var safe = string.Concat(unitId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        var name = $"{safe}.r{repetition}.a{attempt}";
        return new UnitPaths(Path.Combine(Path.GetFullPath(resultsDirectory), name), name + ".trx");
    }
}
