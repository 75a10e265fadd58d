namespace Shop.Ordering;

/// <summary>An order as the customer placed it; lines are merged per SKU.</summary>
public sealed record Order
{
    public Order(Guid id, string customerId, IEnumerable<OrderLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        var merged = lines
            .GroupBy(line => line.Sku)
            .Select(group => group.First() with { Quantity = group.Sum(line => line.Quantity) })
            .OrderBy(line => line.Sku.Value, StringComparer.Ordinal)
            .ToList();
        if (merged.Count == 0)
        {
            throw new ArgumentException("An order needs at least one line.", nameof(lines));
        }

        if (merged.Any(line => line.Quantity <= 0))
        {
            throw new ArgumentException("Every line needs a positive quantity.", nameof(lines));
        }

        if (merged.Select(line => line.UnitPrice.Currency).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            throw new ArgumentException("All lines of an order must use one currency.", nameof(lines));
        }

        Id = id;
        CustomerId = customerId;
        Lines = merged;
    }

    public Guid Id { get; }

    public string CustomerId { get; }

    public IReadOnlyList<OrderLine> Lines { get; }

    public string Currency => Lines[0].UnitPrice.Currency;

    public int ItemCount => Lines.Sum(line => line.Quantity);
}
