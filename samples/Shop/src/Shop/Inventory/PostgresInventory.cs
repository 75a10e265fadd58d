using Npgsql;
using NpgsqlTypes;
using Shop.Ordering;
using Shop.Storage;

namespace Shop.Inventory;

/// <summary>
/// Stock in Postgres. A reservation is one transaction: every line is decremented with a guarded
/// UPDATE (never below zero) in SKU order (no deadlocks between orders), and the unique constraint
/// on (order_id, sku) turns a concurrent duplicate reservation into a no-op.
/// </summary>
public sealed class PostgresInventory(NpgsqlDataSource dataSource, ShopSchema schema) : IInventory
{
    private const string UniqueViolation = "23505";

    public InventoryQueries Queries { get; } = new(schema);

    public async Task SetStockAsync(Sku sku, int available, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(available);
        await using var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {schema.Stock} (sku, available) VALUES (@sku, @available) ON CONFLICT (sku) DO UPDATE SET available = excluded.available",
            connection);
        command.Parameters.AddWithValue("sku", sku.Value);
        command.Parameters.AddWithValue("available", available);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<int?> AvailableAsync(Sku sku, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand($"SELECT available FROM {schema.Stock} WHERE sku = @sku", connection);
        command.Parameters.AddWithValue("sku", sku.Value);
        return await command.ExecuteScalarAsync(ct) is int available ? available : null;
    }

    public async Task<ReservationResult> ReserveAsync(Order order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            foreach (var line in order.Lines)
            {
                await using var decrement = new NpgsqlCommand(
                    $"UPDATE {schema.Stock} SET available = available - @quantity WHERE sku = @sku AND available >= @quantity",
                    connection,
                    transaction);
                decrement.Parameters.AddWithValue("sku", line.Sku.Value);
                decrement.Parameters.AddWithValue("quantity", line.Quantity);
                if (await decrement.ExecuteNonQueryAsync(ct) == 0)
                {
                    await transaction.RollbackAsync(ct);
                    var outcome = await AvailableAsync(line.Sku, ct) is null ? ReservationOutcome.UnknownSku : ReservationOutcome.InsufficientStock;
                    return new ReservationResult(outcome, line.Sku);
                }

                await using var insert = new NpgsqlCommand(
                    $"INSERT INTO {schema.Reservations} (order_id, sku, quantity) VALUES (@orderId, @sku, @quantity)",
                    connection,
                    transaction);
                insert.Parameters.AddWithValue("orderId", order.Id);
                insert.Parameters.AddWithValue("sku", line.Sku.Value);
                insert.Parameters.AddWithValue("quantity", line.Quantity);
                await insert.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return new ReservationResult(ReservationOutcome.Reserved);
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
        {
            await transaction.RollbackAsync(ct);
            return new ReservationResult(ReservationOutcome.AlreadyReserved);
        }
    }

    public async Task<int> ReleaseAsync(Guid orderId, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"""
            WITH released AS (DELETE FROM {schema.Reservations} WHERE order_id = @orderId RETURNING sku, quantity),
                 restocked AS (
                     UPDATE {schema.Stock} s SET available = s.available + r.total
                     FROM (SELECT sku, sum(quantity)::integer AS total FROM released GROUP BY sku) r
                     WHERE s.sku = r.sku)
            SELECT count(*)::integer FROM released
            """,
            connection);
        command.Parameters.AddWithValue("orderId", orderId);
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    public async Task<IReadOnlyList<Reservation>> ReservationsForOrdersAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(orderIds);
        await using var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand(Queries.ReservationsForOrders, connection);
        command.Parameters.Add(new NpgsqlParameter("orderIds", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = orderIds.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var reservations = new List<Reservation>();
        while (await reader.ReadAsync(ct))
        {
            reservations.Add(new Reservation(reader.GetGuid(0), Sku.Parse(reader.GetString(1)), reader.GetInt32(2)));
        }

        return reservations;
    }

    public async Task<long> ReservedQuantityAsync(Sku sku, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand(Queries.ReservedQuantity, connection);
        command.Parameters.AddWithValue("sku", sku.Value);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Loads reservations in bulk through the binary COPY protocol (imports, replays, volume checks).</summary>
    public async Task<ulong> ImportReservationsAsync(IEnumerable<Reservation> reservations, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reservations);
        await using var connection = await OpenAsync(ct);
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {schema.Reservations} (order_id, sku, quantity) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var reservation in reservations)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(reservation.OrderId, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(reservation.Sku.Value, NpgsqlDbType.Text, ct);
            await importer.WriteAsync(reservation.Quantity, NpgsqlDbType.Integer, ct);
        }

        return await importer.CompleteAsync(ct);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        try
        {
            return await dataSource.OpenConnectionAsync(ct);
        }
        catch (NpgsqlException ex) when (ex.InnerException is TimeoutException)
        {
            throw new InventoryUnavailableException(
                $"No inventory connection became free in time (pool exhausted?): {ex.Message}", ex);
        }
    }
}
