using System.Globalization;

namespace Shop.Ordering;

/// <summary>An amount in minor units (cents) of one currency; never a floating-point number.</summary>
public readonly record struct Money(long Cents, string Currency)
{
    public static Money Zero(string currency) => new(0, currency);

    public static Money FromDecimal(decimal amount, string currency) =>
        new((long)decimal.Round(amount * 100m, 0, MidpointRounding.ToEven), currency);

    public Money Add(Money other)
    {
        EnsureSameCurrency(other);
        return this with { Cents = checked(Cents + other.Cents) };
    }

    public Money Subtract(Money other)
    {
        EnsureSameCurrency(other);
        return this with { Cents = checked(Cents - other.Cents) };
    }

    public Money Multiply(int factor) => this with { Cents = checked(Cents * factor) };

    /// <summary>The given share in basis points (1/100 of a percent), rounded half to even.</summary>
    public Money Share(int basisPoints) =>
        this with { Cents = (long)decimal.Round(Cents * basisPoints / 10_000m, 0, MidpointRounding.ToEven) };

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Cents / 100m:0.00} {Currency}");

    private void EnsureSameCurrency(Money other)
    {
        if (!string.Equals(Currency, other.Currency, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Cannot combine {Currency} with {other.Currency}.");
        }
    }
}
