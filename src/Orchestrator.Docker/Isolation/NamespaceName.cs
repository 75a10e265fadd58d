using System.Globalization;
using System.Text;
using Orchestrator.Security;

namespace Orchestrator.Docker.Isolation;

/// <summary>
/// Names for per-partition namespaces (databases, vhosts): the partition id lowered to
/// <c>[a-z0-9_]</c>, starting with a letter, short, plus a counter and a random suffix so a retried
/// partition never reuses a namespace another attempt left behind.
/// </summary>
internal static class NamespaceName
{
    // PostgreSQL identifiers are at most 63 bytes; keep room for the suffix.
    private const int MaximumStemLength = 40;

    private static int _counter;

    public static string For(string namespaceId)
    {
        var stem = new StringBuilder(MaximumStemLength);
        foreach (var c in namespaceId.ToLowerInvariant())
        {
            if (stem.Length == MaximumStemLength)
            {
                break;
            }
            var safe = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '_';
            if (safe == '_' && stem.Length > 0 && stem[^1] == '_')
            {
                continue;
            }
            stem.Append(safe);
        }
        var name = stem.ToString().Trim('_');
        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
        {
            name = name.Length == 0 ? "p" : "p_" + name;
        }
        var number = Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture);
        return $"{name}_{number}{SecretGenerator.Create(4).ToLowerInvariant()}";
    }
}
