using System.Text.RegularExpressions;

namespace Shop.Ordering;

/// <summary>A stock keeping unit: three upper-case letters, a dash, three to eight digits (ABC-1234).</summary>
public readonly partial record struct Sku
{
    private Sku(string value) => Value = value;

    public string Value { get; }

    public static Sku Parse(string value) =>
        TryParse(value, out var sku) ? sku : throw new FormatException($"'{value}' is not a SKU (expected e.g. ABC-1234).");

    public static bool TryParse(string? value, out Sku sku)
    {
        var trimmed = value?.Trim().ToUpperInvariant();
        if (trimmed is not null && Pattern().IsMatch(trimmed))
        {
            sku = new Sku(trimmed);
            return true;
        }

        sku = default;
        return false;
    }

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Z]{3}-[0-9]{3,8}$")]
    private static partial Regex Pattern();
}
