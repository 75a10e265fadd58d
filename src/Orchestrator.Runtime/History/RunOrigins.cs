using CliWrap;
using CliWrap.Buffered;

namespace Orchestrator.History;

/// <summary>Finds the commit and branch a run ran on (<c>git rev-parse</c>), and the machine.</summary>
public static class RunOrigins
{
    /// <summary>CI variables naming the branch when the checkout is a detached HEAD (pull requests, tags).</summary>
    private static readonly string[] _branchVariables = ["GITHUB_HEAD_REF", "GITHUB_REF_NAME", "BUILD_SOURCEBRANCHNAME", "CI_COMMIT_REF_NAME"];

    /// <param name="directory">A directory of the repository (the workspace root).</param>
    /// <param name="ct">Cancels git.</param>
    /// <returns>Commit and branch, both null outside a git repository or without git.</returns>
    public static async Task<RunOrigin> DetectAsync(string directory, CancellationToken ct)
    {
        try
        {
            var result = await Cli.Wrap("git")
                .WithArguments(["rev-parse", "HEAD", "--abbrev-ref", "HEAD"])
                .WithWorkingDirectory(directory)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(ct);
            var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (result.ExitCode != 0 || lines.Length < 2)
            {
                return new RunOrigin(null, null, Environment.MachineName);
            }
            var branch = lines[1] != "HEAD" ? lines[1] : _branchVariables.Select(Environment.GetEnvironmentVariable).FirstOrDefault(value => !string.IsNullOrEmpty(value));
            return new RunOrigin(lines[0], branch, Environment.MachineName);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return new RunOrigin(null, null, Environment.MachineName);
        }
    }
}
