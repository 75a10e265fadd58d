using System.Text.Json.Nodes;
using Orchestrator.Execution;
using Xunit;

namespace Orchestrator.Tests.Execution;

[Trait("Category", "Unit")]
public sealed class GlobalJsonRunnerTests
{
    [Fact]
    public void The_testing_platform_runner_is_taken_out_and_the_sdk_pin_kept()
    {
        var copy = GlobalJsonRunner.WithoutTestingPlatformRunner("""
            {
              "sdk": { "version": "10.0.100", "rollForward": "latestFeature" }, // pinned
              "test": { "runner": "Microsoft.Testing.Platform" },
              "msbuild-sdks": { "MSTest.Sdk": "4.5.2" }
            }
            """);

        var root = JsonNode.Parse(copy!)!.AsObject();
        Assert.Equal("10.0.100", (string?)root["sdk"]!["version"]);
        Assert.Equal("4.5.2", (string?)root["msbuild-sdks"]!["MSTest.Sdk"]);
        Assert.False(root.ContainsKey("test"));
    }

    [Theory]
    [InlineData("""{ "sdk": { "version": "10.0.100" } }""")]
    [InlineData("""{ "test": { "runner": "VSTest" } }""")]
    [InlineData("""[]""")]
    public void A_file_that_selects_no_testing_platform_runner_needs_no_copy(string json) =>
        Assert.Null(GlobalJsonRunner.WithoutTestingPlatformRunner(json));
}
