using NUnit.Framework;

namespace Platform.Nunit;

public sealed class Orders
{
    [Test, Category("Integration"), Property("Resource", "postgres")]
    public void Saves() => Assert.That(1 + 1, Is.EqualTo(2));

    [Category("Unit")]
    [TestCase("a\"b")]
    [TestCase("(x")]
    public void Quoted(string value) => Assert.That(value, Is.Not.Empty);

    [Test, Category("Unit")]
    public void Fails() => Assert.Fail("fails on purpose");

    [Test, Category("Unit")]
    public void Flaky() => Assert.That(Behaviour.NotFirstAttempt("nunit"), "fails on its first attempt on purpose");

    [Test, Category("Unit")]
    public void Hangs() => Behaviour.HangWhenAsked();

    // Passes only with the test run parameters and environment of a .runsettings the orchestrator merged from two files;
    // its resource keeps it out of the runs that do not configure them.
    [Test, Category("Integration"), Property("Resource", "redis")]
    public void Settings() => Assert.That(
        $"{TestContext.Parameters["orders"]}/{TestContext.Parameters["region"]}/{Environment.GetEnvironmentVariable("ORDERS_MODE")}", Is.EqualTo("project/shared/ci"));
}
