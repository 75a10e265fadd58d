using System.Globalization;
using CliWrap;
using CliWrap.Buffered;

namespace Orchestrator.Cli.Tests.Adoption;

/// <summary>
/// The orchestrator as a team outside this repository gets it: the tool package packed from the built
/// CLI (with a version of its own, so NuGet's cache cannot hand back an older one), installed as a local
/// .NET tool in a repository and run as <c>dotnet orchestrator</c>. Removes its package from the NuGet
/// cache on dispose.
/// </summary>
public sealed class InstalledTool : IAsyncDisposable
{
    public const string PackageId = "Orchestrator.Tool";

    private readonly string _feed = Directory.CreateTempSubdirectory("orchestrator-feed-").FullName;

    private InstalledTool(string repository, string version)
    {
        Repository = repository;
        Version = version;
    }

    public string Repository { get; }

    public string Version { get; }

    /// <summary>Where NuGet unpacked the installed tool: the directory of Orchestrator.Cli.dll and what ships beside it.</summary>
    public string ToolDirectory => Path.Combine(PackageDirectory, "tools", "net10.0", "any");

    /// <summary>Where NuGet unpacked the whole package (the tool, its readme, the Cake aliases).</summary>
    public string PackageDirectory => Path.Combine(
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? packages
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        PackageId.ToLowerInvariant(),
        Version);

    public static async Task<InstalledTool> InstallAsync(string repository, CancellationToken ct)
    {
        // Unique per fixture: two test processes may install at once, and each removes its own on dispose.
        var version = "0.1.0-adoption-" + Guid.NewGuid().ToString("N");
        var tool = new InstalledTool(repository, version);
        var configuration = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name);
        var project = Path.Combine(RepositoryPaths.Root(), "src", "Orchestrator.Cli", "Orchestrator.Cli.csproj");
        await Run("dotnet", ["pack", project, "-c", configuration, "--no-build", "-nologo", "-o", tool._feed, $"-p:PackageVersion={version}"], repository, ct);
        await Run("dotnet", ["new", "tool-manifest"], repository, ct);
        await Run("dotnet", ["tool", "install", PackageId, "--version", version, "--add-source", tool._feed], repository, ct);
        return tool;
    }

    /// <summary><c>dotnet orchestrator &lt;arguments&gt;</c> in the repository.</summary>
    public async Task<BufferedCommandResult> RunAsync(IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        return await global::CliWrap.Cli.Wrap("dotnet")
            .WithArguments(["orchestrator", .. arguments])
            .WithWorkingDirectory(Repository)
            .WithEnvironmentVariables(environment => environment.Set("NO_COLOR", "1"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(deadline.Token);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var directory in new[] { _feed, PackageDirectory })
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        return ValueTask.CompletedTask;
    }

    private static async Task Run(string program, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken ct)
    {
        var result = await global::CliWrap.Cli.Wrap(program)
            .WithArguments(arguments)
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(environment => environment.Set("DOTNET_CLI_TELEMETRY_OPTOUT", "1").Set("DOTNET_NOLOGO", "1"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(ct);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed (exit code {result.ExitCode}):\n{result.StandardOutput}\n{result.StandardError}");
        }
    }
}
