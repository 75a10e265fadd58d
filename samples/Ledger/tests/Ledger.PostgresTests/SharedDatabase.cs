using Xunit;

namespace Ledger.PostgresTests;

[CollectionDefinition(Name)]
public sealed class SharedDatabase : ICollectionFixture<DatabaseFixture>
{
    public const string Name = "Ledger database";
}
