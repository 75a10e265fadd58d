using Coverage.Library;
using Xunit;

namespace Coverage.Fixture;

public class UnitLayerTests
{
    [Fact, Trait("Category", "unit")]
    public void Positive_numbers_are_positive() => Assert.Equal("positive", Classifier.Describe(5));

    [Fact, Trait("Category", "unit")]
    public void Values_below_the_range_are_raised() => Assert.Equal(0, Classifier.Clamp(-3, 0, 10));

    /// <summary>Passes only when the project's RunSettingsFilePath reached the test host.</summary>
    [Fact, Trait("Category", "unit")]
    public void Project_runsettings_reach_the_tests() =>
        Assert.Equal("from-project-runsettings", Environment.GetEnvironmentVariable("COVERAGE_FIXTURE_SETTING"));
}

public class IntegrationLayerTests
{
    [Fact, Trait("Category", "integration")]
    public void Negative_numbers_are_negative() => Assert.Equal("negative", Classifier.Describe(-5));

    [Fact, Trait("Category", "integration")]
    public void Values_above_the_range_are_lowered() => Assert.Equal(10, Classifier.Clamp(30, 0, 10));
}
