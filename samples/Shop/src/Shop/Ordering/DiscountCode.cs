using System.Globalization;
using System.Text.RegularExpressions;

namespace Shop.Ordering;

/// <summary>A percentage discount code such as SAVE10 (1 to 50 percent off the subtotal).</summary>
public sealed partial record DiscountCode(string Code, int Percent)
{
    public static DiscountCode? TryParse(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var match = Pattern().Match(code.Trim().ToUpperInvariant());
        if (!match.Success)
        {
            return null;
        }

        var percent = int.Parse(match.Groups["percent"].Value, CultureInfo.InvariantCulture);
        return percent is >= 1 and <= 50 ? new DiscountCode(match.Value, percent) : null;
    }

    [GeneratedRegex("^SAVE(?<percent>[0-9]{1,2})$")]
    private static partial Regex Pattern();
}
