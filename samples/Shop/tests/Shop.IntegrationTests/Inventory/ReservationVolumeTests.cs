using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Xunit;

namespace Shop.IntegrationTests.Inventory;

/// <summary>
/// At production volume the read queries must be served by their indexes. These tests check the
/// planner's choice (EXPLAIN), not wall time, so they fail the day an index goes missing.
/// </summary>
[Trait("Category", "Integration")]
[Trait("Resource", "postgres")]
public sealed class ReservationVolumeTests(ReservationVolumeFixture volume) : IClassFixture<ReservationVolumeFixture>
{
    [Fact]
    public async Task One_hundred_thousand_reservations_load_through_binary_copy()
    {
        await using var command = volume.Postgres.DataSource.CreateCommand($"SELECT count(*) FROM {volume.Schema.Reservations}");

        Assert.Equal((ulong)ReservationVolumeFixture.ReservationCount, volume.Imported);
        Assert.Equal((long)ReservationVolumeFixture.ReservationCount, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Reserved_quantity_per_sku_is_answered_from_the_sku_index()
    {
        var sku = volume.Skus[17];

        var plan = await ExplainAsync(volume.Inventory.Queries.ReservedQuantity, new NpgsqlParameter("sku", sku.Value));
        var reserved = await volume.Inventory.ReservedQuantityAsync(sku, CancellationToken.None);

        Assert.Contains("ix_reservations_sku", IndexesUsed(plan));
        Assert.DoesNotContain("Seq Scan", NodeTypes(plan));
        Assert.True(reserved > 0);
    }

    [Fact]
    public async Task Reservations_of_a_page_of_orders_come_in_one_indexed_query()
    {
        var page = volume.OrderIds.Skip(5_000).Take(50).ToArray();

        var plan = await ExplainAsync(
            volume.Inventory.Queries.ReservationsForOrders,
            new NpgsqlParameter("orderIds", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = page });
        var reservations = await volume.Inventory.ReservationsForOrdersAsync(page, CancellationToken.None);

        Assert.Contains("ux_reservations_order_sku", IndexesUsed(plan));
        Assert.Equal(50, reservations.Count);
    }

    [Fact]
    public async Task Without_the_sku_index_the_same_query_scans_every_reservation()
    {
        await using var connection = await volume.Postgres.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var drop = new NpgsqlCommand($"DROP INDEX {volume.Schema.Name}.ix_reservations_sku", connection, transaction))
        {
            await drop.ExecuteNonQueryAsync();
        }

        var plan = await ExplainAsync(connection, transaction, volume.Inventory.Queries.ReservedQuantity, new NpgsqlParameter("sku", volume.Skus[3].Value));
        await transaction.RollbackAsync();

        Assert.Contains("Seq Scan", NodeTypes(plan));
        Assert.DoesNotContain("ix_reservations_sku", IndexesUsed(plan));
    }

    private async Task<JsonElement> ExplainAsync(string sql, NpgsqlParameter parameter)
    {
        await using var connection = await volume.Postgres.DataSource.OpenConnectionAsync();
        return await ExplainAsync(connection, null, sql, parameter);
    }

    private static async Task<JsonElement> ExplainAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, NpgsqlParameter parameter)
    {
        await using var command = new NpgsqlCommand($"EXPLAIN (FORMAT JSON) {sql}", connection, transaction);
        command.Parameters.Add(parameter);
        var json = (string)(await command.ExecuteScalarAsync())!;
        using var document = JsonDocument.Parse(json);
        return document.RootElement[0].GetProperty("Plan").Clone();
    }

    private static List<string> NodeTypes(JsonElement plan) => [.. Nodes(plan).Select(node => node.GetProperty("Node Type").GetString()!)];

    private static List<string> IndexesUsed(JsonElement plan) =>
        [.. Nodes(plan).Where(node => node.TryGetProperty("Index Name", out _)).Select(node => node.GetProperty("Index Name").GetString()!)];

    private static IEnumerable<JsonElement> Nodes(JsonElement plan)
    {
        yield return plan;
        if (plan.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray().SelectMany(Nodes))
            {
                yield return child;
            }
        }
    }
}
