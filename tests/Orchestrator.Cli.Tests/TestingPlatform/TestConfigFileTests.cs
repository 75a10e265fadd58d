using Orchestrator.TestingPlatform;
using Xunit;

namespace Orchestrator.Cli.Tests.TestingPlatform;

[Trait("Category", "Unit")]
public sealed class TestConfigFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("orchestrator-testconfig-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Application => Path.Combine(_directory, "Orders.Tests.dll");

    [Fact]
    public void The_file_is_the_applications_name_with_testconfig_json_beside_it()
    {
        Assert.Equal(Path.Combine(_directory, "Orders.Tests.testconfig.json"), TestConfigFile.PathOf(Application));
    }

    [Theory]
    [InlineData("""{ "platformOptions": { "resultDirectory": "out" } }""")]
    [InlineData("""{ "PlatformOptions": { "ResultDirectory": "out", }, /* keys are case-insensitive */ }""")]
    public void A_result_directory_is_named_with_the_option_that_overrides_it(string json)
    {
        File.WriteAllText(TestConfigFile.PathOf(Application), json);

        Assert.Equal([("platformOptions.resultDirectory", "--results-directory")], TestConfigFile.OverriddenSettings(Application));
    }

    [Theory]
    [InlineData("""{ "mstest": { "execution": { "mapInconclusiveToFailed": true } }, "platformOptions": {} }""")]
    [InlineData("""{ "resultDirectory": "out" }""")]
    [InlineData("not json")]
    public void Settings_the_orchestrator_leaves_alone_and_unreadable_files_name_nothing(string json)
    {
        File.WriteAllText(TestConfigFile.PathOf(Application), json);

        Assert.Empty(TestConfigFile.OverriddenSettings(Application));
    }

    [Fact]
    public void Without_a_file_nothing_is_named()
    {
        Assert.Empty(TestConfigFile.OverriddenSettings(Application));
    }
}
