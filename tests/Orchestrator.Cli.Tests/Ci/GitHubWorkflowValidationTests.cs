using Orchestrator.Cli.Tests.Adoption;
using Xunit;

namespace Orchestrator.Cli.Tests.Ci;

/// <summary>The GitHub workflow passes the workflow schema check of action-validator, which does reject a broken one.</summary>
[Trait("Category", "Integration")]
[Trait("Resource", "node")]
public sealed class GitHubWorkflowValidationTests
{
    [Fact]
    public async Task The_github_workflow_is_valid_and_a_broken_copy_is_not()
    {
        var workflow = Path.Combine(RepositoryPaths.Root(), "eng", "ci", "github-actions.yml");
        using var validator = await ActionValidator.InstallAsync(CancellationToken.None);
        var broken = Path.Combine(Directory.CreateTempSubdirectory("orchestrator-broken-workflow-").FullName, "tests.yml");
        await File.WriteAllTextAsync(broken, (await File.ReadAllTextAsync(workflow)).Replace("runs-on:", "runs_on:", StringComparison.Ordinal));

        try
        {
            var valid = await validator.ValidateAsync(workflow, CancellationToken.None);
            var invalid = await validator.ValidateAsync(broken, CancellationToken.None);

            Assert.True(valid.ExitCode == 0, $"action-validator rejected {workflow}:\n{valid.StandardOutput}\n{valid.StandardError}");
            Assert.True(invalid.ExitCode != 0, "action-validator accepted a workflow whose jobs say 'runs_on': it checks nothing.");
            Assert.Contains("runs_on", invalid.StandardOutput + invalid.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(broken)!, recursive: true);
        }
    }
}
