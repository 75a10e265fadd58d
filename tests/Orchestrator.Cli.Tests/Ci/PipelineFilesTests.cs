using YamlDotNet.RepresentationModel;
using Xunit;

namespace Orchestrator.Cli.Tests.Ci;

/// <summary>
/// The ready-made pipelines under eng/ci/ parse as YAML, shard the way their service does, and call the orchestrator only
/// with commands and options its command line accepts (checked by parsing each call with the tool's own parser).
/// </summary>
[Trait("Category", "Unit")]
public sealed class PipelineFilesTests
{
    public static TheoryData<string> Pipelines => ["github-actions.yml", "azure-pipelines.yml", "gitlab-ci.yml"];

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void Every_orchestrator_call_parses_with_the_tool_s_command_line(string pipeline)
    {
        var file = PipelineFile.Load(pipeline);
        var calls = file.Scripts().SelectMany(OrchestratorInvocations.In).ToList();

        Assert.All(calls, call => Assert.Empty(Errors(call)));
        Assert.Equal(["build", "merge", "run"], calls.Select(call => call[0]).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(calls, call => call[0] == "run" && call.Contains("--shard") && call.Contains("--timings") && call.Contains("--results"));
        Assert.Contains(calls, call => call[0] == "merge" && call.Contains("--timings") && call.Contains("--output"));
    }

    [Fact]
    public void The_check_rejects_an_option_the_tool_does_not_have()
    {
        var calls = OrchestratorInvocations.In("if [ -f x ]; then set -- --timing \"$TIMINGS\"; fi\ndotnet orchestrator run --shard \"$SHARD\" \"$@\"");

        Assert.Contains("--timing", string.Join('\n', Errors(Assert.Single(calls))), StringComparison.Ordinal);
    }

    [Fact]
    public void GitHub_shards_by_a_matrix_whose_size_is_the_shard_count()
    {
        var file = PipelineFile.Load("github-actions.yml");

        Assert.Equal(4, ((YamlSequenceNode)file.At("jobs", "test", "strategy", "matrix", "shard")).Children.Count);
        Assert.Equal("${{ matrix.shard }}/${{ strategy.job-total }}", Scalar(file.At("jobs", "test", "steps", 6, "env", "SHARD")));
        Assert.Equal("test", Scalar(file.At("jobs", "merge", "needs")));
    }

    [Fact]
    public void Azure_runs_parallel_jobs_and_publishes_the_merged_trx_and_junit()
    {
        var file = PipelineFile.Load("azure-pipelines.yml");
        var text = File.ReadAllText(file.Path);

        Assert.Equal("4", Scalar(file.At("jobs", 1, "strategy", "parallel")));
        Assert.Contains("--shard \"$(System.JobPositionInPhase)/$(System.TotalJobsInPhase)\"", text, StringComparison.Ordinal);
        var publishes = ((YamlSequenceNode)file.At("jobs", 2, "steps")).Children.OfType<YamlMappingNode>()
            .Where(step => step.Children.TryGetValue(new YamlScalarNode("task"), out var task) && Scalar(task) == "PublishTestResults@2")
            .Select(step => (Scalar(step["inputs"]["testResultsFormat"]), Scalar(step["inputs"]["testResultsFiles"])));
        Assert.Equal([("VSTest", "merged/*.trx"), ("JUnit", "merged/*.junit.xml")], publishes);
    }

    [Fact]
    public void GitLab_runs_parallel_jobs_and_reports_the_merged_junit()
    {
        var file = PipelineFile.Load("gitlab-ci.yml");

        Assert.Equal("4", Scalar(file.At("test", "parallel")));
        Assert.Contains(file.Scripts(), script => script.Contains("--shard \"$CI_NODE_INDEX/$CI_NODE_TOTAL\"", StringComparison.Ordinal));
        Assert.Equal("merged/*.junit.xml", Scalar(file.At("merge", "artifacts", "reports", "junit")));
    }

    [Fact]
    public void Every_pipeline_keeps_each_shard_s_result_cache_under_a_key_of_its_own()
    {
        var github = PipelineFile.Load("github-actions.yml");
        var steps = ((YamlSequenceNode)github.At("jobs", "test", "steps")).Children.OfType<YamlMappingNode>().ToList();
        int Step(string action) => steps.FindIndex(step => step.Children.TryGetValue(new YamlScalarNode("uses"), out var uses) && Scalar(uses) == action);
        var run = steps.FindIndex(step => step.Children.TryGetValue(new YamlScalarNode("run"), out var script) && Scalar(script)!.Contains("orchestrator run", StringComparison.Ordinal));
        Assert.InRange(Step("actions/cache/restore@v4"), 0, run - 1);
        Assert.True(Step("actions/cache/save@v4") > run, "the shard's result cache is saved after its run");
        foreach (var cache in new[] { steps[Step("actions/cache/restore@v4")], steps[Step("actions/cache/save@v4")] })
        {
            Assert.Equal(".orchestrator/cache/results", Scalar(cache["with"]["path"]));
            Assert.StartsWith("orchestrator-results-${{ matrix.shard }}-", Scalar(cache["with"]["key"]), StringComparison.Ordinal);
        }

        var gitlab = PipelineFile.Load("gitlab-ci.yml");
        Assert.Equal(".orchestrator/cache/results/", Scalar(gitlab.At("test", "cache", "paths")));
        Assert.Equal("orchestrator-results-$CI_NODE_INDEX", Scalar(gitlab.At("test", "cache", "key")));

        var azure = PipelineFile.Load("azure-pipelines.yml");
        var restore = Assert.Single(((YamlSequenceNode)azure.At("jobs", 1, "steps")).Children.OfType<YamlMappingNode>(),
            step => step.Children.TryGetValue(new YamlScalarNode("task"), out var task) && Scalar(task) == "Cache@2");
        Assert.Equal("$(Build.SourcesDirectory)/.orchestrator/cache/results", Scalar(restore["inputs"]["path"]));
        Assert.Contains("\"$(System.JobPositionInPhase)\"", Scalar(restore["inputs"]["key"]), StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Errors(IReadOnlyList<string> arguments) =>
        [.. OrchestratorCommandLine.Create().Parse([.. arguments]).Errors.Select(error => $"orchestrator {string.Join(' ', arguments)}: {error.Message}")];

    private static string? Scalar(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value,
        YamlSequenceNode { Children.Count: 1 } sequence => Scalar(sequence.Children[0]),
        _ => throw new InvalidDataException($"Expected a value, found {node.NodeType} at {node.Start}."),
    };
}
