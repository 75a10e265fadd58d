using Npgsql;
using Xunit;

namespace Lifecycle.Fixture;

internal static class Postgres
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? throw new InvalidOperationException("ConnectionStrings__Postgres is not set");

    public static async Task<int> SelectOneAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT 1", connection);
        return (int)(await select.ExecuteScalarAsync())!;
    }
}

[Trait("Category", "Integration")]
[Trait("Resource", "postgres")]
public class QuickTests
{
    [Fact]
    public async Task Queries_postgres() => Assert.Equal(1, await Postgres.SelectOneAsync());

    [Fact]
    public void Fails_showing_its_connection_string() => Assert.Fail("could not use " + Postgres.ConnectionString);
}

[Trait("Category", "Integration")]
[Trait("Resource", "postgres")]
public class SlowTests
{
    [Fact]
    public async Task Holds_until_released()
    {
        Assert.Equal(1, await Postgres.SelectOneAsync());
        string Read(string name) => Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException(name + " is not set");
        File.WriteAllText(Path.Combine(Read("LIFECYCLE_MARKERS"), "slow.started"), Environment.ProcessId.ToString());
        var release = Read("LIFECYCLE_RELEASE");
        var holdUntil = DateTime.UtcNow.AddMinutes(10);
        while (!File.Exists(release) && DateTime.UtcNow < holdUntil)
        {
            await Task.Delay(100);
        }
    }
}
