using System.Globalization;
using System.Security.Cryptography;
using Shop.Ordering;

namespace Shop.Testing;

/// <summary>
/// Names no other test (in this process or a parallel one on the same database, Redis db or vhost)
/// will use: every test writes only under its own keys.
/// </summary>
public static class UniqueNames
{
    public static Sku Sku()
    {
        Span<char> letters = stackalloc char[3];
        foreach (ref var letter in letters)
        {
            letter = (char)('A' + RandomNumberGenerator.GetInt32(26));
        }

        var digits = RandomNumberGenerator.GetInt32(100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        return Ordering.Sku.Parse($"{letters}-{digits}");
    }

    public static string KeyPrefix() => $"test:{Guid.NewGuid():N}:";

    public static string TopologyPrefix(string test) => $"test.{test}.{Guid.NewGuid():N}";

    public static string SchemaName() => $"t_{Guid.NewGuid():N}";

    public static string CustomerId() => $"customer-{Guid.NewGuid():N}";
}
