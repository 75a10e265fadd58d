using Npgsql;
using Shop.Storage;

namespace Shop.Payments;

/// <summary>The payment audit in Postgres; the primary key on the idempotency key makes recording idempotent.</summary>
public sealed class PostgresPaymentAuditLog(NpgsqlDataSource dataSource, ShopSchema schema) : IPaymentAuditLog
{
    public async Task<bool> TryRecordAsync(PaymentAuditEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var command = dataSource.CreateCommand(
            $"""
            INSERT INTO {schema.PaymentAudit} (idempotency_key, order_id, outcome, charge_id, amount_cents, attempts, reason)
            VALUES (@key, @orderId, @outcome, @chargeId, @amountCents, @attempts, @reason)
            ON CONFLICT (idempotency_key) DO NOTHING
            """);
        command.Parameters.AddWithValue("key", entry.IdempotencyKey);
        command.Parameters.AddWithValue("orderId", entry.OrderId);
        command.Parameters.AddWithValue("outcome", entry.Outcome.ToString());
        command.Parameters.AddWithValue("chargeId", (object?)entry.ChargeId ?? DBNull.Value);
        command.Parameters.AddWithValue("amountCents", entry.AmountCents);
        command.Parameters.AddWithValue("attempts", entry.Attempts);
        command.Parameters.AddWithValue("reason", (object?)entry.Reason ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<PaymentAuditEntry?> FindAsync(string idempotencyKey, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT order_id, outcome, charge_id, amount_cents, attempts, reason FROM {schema.PaymentAudit} WHERE idempotency_key = @key");
        command.Parameters.AddWithValue("key", idempotencyKey);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new PaymentAuditEntry(
            idempotencyKey,
            reader.GetGuid(0),
            Enum.Parse<PaymentOutcome>(reader.GetString(1)),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.GetInt64(3),
            reader.GetInt32(4),
            reader.IsDBNull(5) ? null : reader.GetString(5));
    }
}
