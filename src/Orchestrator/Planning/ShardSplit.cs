using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Orchestrator.Model;

namespace Orchestrator.Planning;

/// <summary>
/// What every shard of one plan shares: the whole selection and a fingerprint of it and of how its units were
/// split over the shards. Agents that planned from the same inputs get the same fingerprint; <c>merge</c> checks
/// that the shards it is given share one and cover the selection exactly once.
/// </summary>
/// <param name="Shard">The shard this plan keeps.</param>
/// <param name="Fingerprint">Hash of the cadence, every unit's tests and the shard each unit went to.</param>
/// <param name="Selection">Every test the plan selected, over all shards, in ordinal order.</param>
public sealed record ShardSplit(Shard Shard, string Fingerprint, IReadOnlyList<TestKey> Selection)
{
    /// <param name="cadence">The cadence planned.</param>
    /// <param name="units">Every unit of the unsharded plan with the 0-based shard it went to.</param>
    /// <param name="shard">The shard kept.</param>
    public static ShardSplit Of(string cadence, IReadOnlyList<(ExecutionUnit Unit, int Shard)> units, Shard shard)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(shard);
        var text = new StringBuilder().Append(cadence).Append('\n').Append(shard.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var (unit, index) in units.OrderBy(pair => pair.Unit.Id, StringComparer.Ordinal))
        {
            text.Append(unit.Id).Append('|').Append(index.ToString(CultureInfo.InvariantCulture)).Append('|');
            foreach (var test in unit.Tests.Order(TestKey.Ordinal))
            {
                text.Append(test.Assembly).Append(':').Append(test.FullyQualifiedName).Append('\u001f');
            }
            text.Append('\n');
        }
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
        var selection = units.SelectMany(pair => pair.Unit.Tests).Distinct().Order(TestKey.Ordinal).ToList();
        return new ShardSplit(shard, fingerprint, selection);
    }
}
