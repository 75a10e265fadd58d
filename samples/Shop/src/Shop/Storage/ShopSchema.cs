using System.Text.RegularExpressions;
using Npgsql;

namespace Shop.Storage;

/// <summary>
/// The shop's tables inside one Postgres schema. Creation is safe when several processes race for
/// it against the same database: it runs under a transaction-scoped advisory lock keyed by the schema.
/// </summary>
public sealed partial record ShopSchema
{
    public ShopSchema(string name)
    {
        if (!Identifier().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a valid schema name (lower-case letters, digits, underscore; at most 63).", nameof(name));
        }

        Name = name;
    }

    public static ShopSchema Default { get; } = new("shop");

    public string Name { get; }

    public string Stock => $"{Name}.stock";

    public string Reservations => $"{Name}.reservations";

    public string PaymentAudit => $"{Name}.payment_audit";

    public string Products => $"{Name}.products";

    /// <summary>A stable advisory-lock key for this schema (FNV-1a of its name).</summary>
    public long LockKey
    {
        get
        {
            var hash = 14695981039346656037UL;
            foreach (var c in Name)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            return unchecked((long)hash);
        }
    }

    public async Task EnsureCreatedAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var command = new NpgsqlCommand(CreationSql, connection, transaction))
        {
            command.Parameters.AddWithValue("key", LockKey);
            await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    public async Task DropAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {Name} CASCADE");
        await command.ExecuteNonQueryAsync(ct);
    }

    private string CreationSql => $"""
        SELECT pg_advisory_xact_lock(@key);
        CREATE SCHEMA IF NOT EXISTS {Name};
        CREATE TABLE IF NOT EXISTS {Stock} (
            sku text PRIMARY KEY,
            available integer NOT NULL CHECK (available >= 0)
        );
        CREATE TABLE IF NOT EXISTS {Reservations} (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            order_id uuid NOT NULL,
            sku text NOT NULL REFERENCES {Stock} (sku),
            quantity integer NOT NULL CHECK (quantity > 0),
            reserved_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT ux_reservations_order_sku UNIQUE (order_id, sku)
        );
        CREATE INDEX IF NOT EXISTS ix_reservations_sku ON {Reservations} (sku);
        CREATE TABLE IF NOT EXISTS {PaymentAudit} (
            idempotency_key text PRIMARY KEY,
            order_id uuid NOT NULL,
            outcome text NOT NULL,
            charge_id text NULL,
            amount_cents bigint NOT NULL,
            attempts integer NOT NULL,
            reason text NULL,
            recorded_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE IF NOT EXISTS {Products} (
            sku text PRIMARY KEY,
            name text NOT NULL,
            price_cents bigint NOT NULL,
            currency text NOT NULL
        );
        """;

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();
}
