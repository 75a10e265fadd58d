using Orchestrator.Docker.Readiness;
using Xunit;

namespace Orchestrator.Docker.Tests.Readiness;

[Trait("Category", "Unit")]
public sealed class ReadinessBackoffTests
{
    [Theory]
    [InlineData(1, 50)]
    [InlineData(2, 100)]
    [InlineData(3, 200)]
    [InlineData(4, 250)]
    [InlineData(1000, 250)]
    public void The_pause_doubles_from_the_interval_up_to_a_quarter_of_a_second(int failedAttempts, int expectedMilliseconds)
    {
        var pause = ReadinessBackoff.Pause(TimeSpan.FromMilliseconds(50), failedAttempts);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), pause);
    }

    [Fact]
    public void An_interval_longer_than_the_ceiling_is_kept()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), ReadinessBackoff.Pause(TimeSpan.FromSeconds(5), 1));
        Assert.Equal(TimeSpan.FromSeconds(5), ReadinessBackoff.Pause(TimeSpan.FromSeconds(5), 7));
    }

    [Fact]
    public void There_is_no_pause_before_the_first_attempt()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadinessBackoff.Pause(TimeSpan.FromMilliseconds(50), 0));
    }
}
