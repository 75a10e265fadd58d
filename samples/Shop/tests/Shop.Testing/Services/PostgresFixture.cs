using Npgsql;
using Shop.Storage;
using Xunit;

namespace Shop.Testing.Services;

/// <summary>
/// A Postgres data source for one test class, with the shop schema created (safely, even when other
/// test processes create it at the same moment). Tests isolate themselves with unique SKUs and order ids,
/// or with a schema of their own (<see cref="CreateIsolatedSchemaAsync"/>).
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private ServiceLease? _lease;
    private NpgsqlDataSource? _dataSource;

    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("The Postgres fixture is not initialised.");

    public string ConnectionString => _lease?.ConnectionString ?? throw new InvalidOperationException("The Postgres fixture is not initialised.");

    public ShopSchema Schema { get; } = ShopSchema.Default;

    public async Task InitializeAsync()
    {
        _lease = await ServiceSources.FromEnvironment().AcquireAsync(ServiceKind.Postgres, CancellationToken.None);
        _dataSource = NpgsqlDataSource.Create(_lease.ConnectionString);
        await Schema.EnsureCreatedAsync(_dataSource, CancellationToken.None);
    }

    public async Task<ShopSchema> CreateIsolatedSchemaAsync(CancellationToken ct)
    {
        var schema = new ShopSchema(UniqueNames.SchemaName());
        await schema.EnsureCreatedAsync(DataSource, ct);
        return schema;
    }

    /// <summary>A data source of its own with different pool settings (the shared one is left alone).</summary>
    public NpgsqlDataSource CreateDataSource(Action<NpgsqlConnectionStringBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        configure(builder);
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        if (_lease is not null)
        {
            await _lease.DisposeAsync();
        }
    }
}
