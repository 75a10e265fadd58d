namespace Platform.Tunit;

public sealed class Orders
{
    [Test, Category("Integration"), Property("Resource", "postgres")]
    public async Task Saves() => await Assert.That(1 + 1).IsEqualTo(2);

    [Test, Category("Unit")]
    [Arguments("a\"b")]
    [Arguments("(x")]
    public async Task Quoted(string value) => await Assert.That(value).IsNotEmpty();

    [Test, Category("Unit")]
    public async Task Fails() => await Assert.That(1).IsEqualTo(2);

    [Test, Category("Unit")]
    public async Task Flaky() => await Assert.That(Behaviour.NotFirstAttempt("tunit")).IsTrue();

    [Test, Category("Unit")]
    public void Hangs() => Behaviour.HangWhenAsked();
}
