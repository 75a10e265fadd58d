using Xunit;

namespace Fixture.Suite;

public class Plain
{
    [Fact, Trait("Category", "Unit")] public void Adds() { }
    [Fact, Trait("Category", "Unit")] public void Subtracts() { }
}

public class Untagged
{
    [Fact] public void Defaults() { }
}

public class Outer
{
    public class Inner
    {
        [Fact, Trait("Category", "Integration")] public void Nested() { }
        [Fact, Trait("Category", "Integration")] public void NestedToo() { }
    }
}

[Trait("Category", "Integration"), Trait("Resource", "postgres")]
public class Db
{
    [Fact] public void Reads() { }
    [Theory, InlineData(1), InlineData(2)] public void Rows(int value) => Assert.True(value > 0);
    [Theory, InlineData(1), InlineData("text")] public void Generic<T>(T value) => Assert.NotNull(value);
    [Fact] public void Writes() { }
}

[Trait("Category", "Integration"), Trait("Resource", "postgres"), Trait("Resource", "redis")]
public class Joined
{
    [Fact] public void Syncs() { }
    [Fact] public void Replays() { }
}

public class Cache
{
    [Fact, Trait("Category", "Integration"), Trait("Resource", "redis")] public void Hits() { }
}

public class Queue
{
    [Fact, Trait("Category", "Integration"), Trait("Resource", "rabbitmq")] public void Publishes() { }
}

public class Browser
{
    [Fact, Trait("Category", "E2E"), Trait("Resource", "postgres"), Trait("Resource", "redis"), Trait("Resource", "rabbitmq")]
    public void Checks() { }
}
