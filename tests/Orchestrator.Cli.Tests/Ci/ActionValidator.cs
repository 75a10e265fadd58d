using CliWrap;
using CliWrap.Buffered;
using Orchestrator.Cli.Tests.Adoption;

namespace Orchestrator.Cli.Tests.Ci;

/// <summary>
/// The <c>@action-validator/cli</c> npm package (the version pinned in eng/ci/validate/package.json), installed into a
/// temporary directory of its own: checks a GitHub workflow against the workflow schema.
/// </summary>
internal sealed class ActionValidator : IDisposable
{
    private static readonly TimeSpan _timeout = TimeSpan.FromMinutes(3);
    private readonly string _directory;

    private ActionValidator(string directory) => _directory = directory;

    public static async Task<ActionValidator> InstallAsync(CancellationToken ct)
    {
        var directory = Directory.CreateTempSubdirectory("orchestrator-action-validator-").FullName;
        File.Copy(Path.Combine(RepositoryPaths.Root(), "eng", "ci", "validate", "package.json"), Path.Combine(directory, "package.json"));
        var install = await RunAsync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], directory, ct);
        if (install.ExitCode != 0)
        {
            Directory.Delete(directory, recursive: true);
            throw new InvalidOperationException(
                $"npm install of the workflow validator failed (exit code {install.ExitCode}); it needs the npm registry:\n{install.StandardOutput}\n{install.StandardError}");
        }
        return new ActionValidator(directory);
    }

    /// <summary>Exit code 0 for a valid workflow; the validator's report otherwise.</summary>
    public Task<BufferedCommandResult> ValidateAsync(string workflow, CancellationToken ct) =>
        RunAsync(Path.Combine(_directory, "node_modules", ".bin", "action-validator"), [workflow], _directory, ct);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<BufferedCommandResult> RunAsync(string program, IReadOnlyList<string> arguments, string directory, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_timeout);
        try
        {
            return await global::CliWrap.Cli.Wrap(program)
                .WithArguments(arguments)
                .WithWorkingDirectory(directory)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(deadline.Token);
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException($"'{program}' could not be started ({missing.Message}): install Node.js 20 with npm (eng/tools/ensure-node.sh does it on Debian).", missing);
        }
    }
}
