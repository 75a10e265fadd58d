using System.Globalization;
using Orchestrator.Security;

namespace Orchestrator.Results;

/// <summary>Run ids: sortable by start time, unique by a random suffix (results, namespaces and container labels carry them).</summary>
public static class RunIds
{
    public static string New(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + SecretGenerator.Create(6).ToLowerInvariant();
}
