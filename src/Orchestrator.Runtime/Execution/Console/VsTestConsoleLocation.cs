using CliWrap;
using CliWrap.Buffered;

namespace Orchestrator.Execution.Console;

/// <summary>The <c>vstest.console.dll</c> of the SDK that <c>dotnet</c> selects in a directory (its <c>global.json</c> decides), as <c>dotnet test</c> would run it there.</summary>
internal static class VsTestConsoleLocation
{
    /// <exception cref="VsTestConsoleException">The SDK's version or its console could not be found.</exception>
    public static async Task<string> FindAsync(string dotnetPath, string directory, CancellationToken ct)
    {
        var result = await Cli.Wrap(dotnetPath)
            .WithArguments("--version")
            .WithWorkingDirectory(directory)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(ct)
            .ConfigureAwait(false);
        var version = result.StandardOutput.Trim();
        if (result.ExitCode != 0 || version.Length == 0 || version.Contains('\n', StringComparison.Ordinal))
        {
            throw new VsTestConsoleException($"the SDK of {directory}", $"'{dotnetPath} --version' there exited with code {result.ExitCode}: {(result.StandardError + result.StandardOutput).Trim()}");
        }
        var console = Path.Combine(Root(dotnetPath), "sdk", version, "vstest.console.dll");
        return File.Exists(console) ? console : throw new VsTestConsoleException(console, $"SDK {version} has no such file");
    }

    /// <summary>The directory of the <c>dotnet</c> executable, through PATH and symbolic links (/usr/bin/dotnet → /usr/share/dotnet/dotnet).</summary>
    private static string Root(string dotnetPath)
    {
        var executable = Path.IsPathRooted(dotnetPath) || dotnetPath.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? Path.GetFullPath(dotnetPath)
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(directory => new[] { Path.Combine(directory, dotnetPath), Path.Combine(directory, dotnetPath + ".exe") })
                .FirstOrDefault(File.Exists) ?? dotnetPath;
        var target = File.Exists(executable) ? File.ResolveLinkTarget(executable, returnFinalTarget: true)?.FullName ?? executable : executable;
        return Path.GetDirectoryName(target) ?? ".";
    }
}
